import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';

echarts.use([BarChart, LineChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** An ECharts chart with only the parts the app uses, described for screen readers (ECharts' aria). */
export const Chart = ({ option, label, height = 280 }: { readonly option: EChartsCoreOption; readonly label: string; readonly height?: number }) => (
  <div role="img" aria-label={label}>
    <ReactEChartsCore echarts={echarts} option={{ aria: { enabled: true }, animation: false, ...option }} notMerge style={{ height }} />
  </div>
);
