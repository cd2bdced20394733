import type { Projection } from '@crm/projection-runtime';
import { forecastProjection } from './forecast/forecast.projection';
import { funnelProjection } from './funnel/funnel.projection';
import { notificationsProjection } from './notifications/notifications.projection';
import { webhooksProjection } from './notifications/webhooks.projection';
import { pipelineProjection } from './pipeline/pipeline.projection';
import { recordsProjection } from './records/records.projection';
import { approvalsProjection } from './tasks/approvals.projection';
import { tasksProjection } from './tasks/tasks.projection';
import { timersProjection } from './timers/timers.projection';

/** Every read model of the CRM, in the order they are built. */
export const crmProjections = (): Projection[] => [
  recordsProjection(),
  pipelineProjection(),
  forecastProjection(),
  funnelProjection(),
  timersProjection(),
  tasksProjection(),
  approvalsProjection(),
  notificationsProjection(),
  webhooksProjection(),
];
