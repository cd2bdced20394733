import type { Projection } from '@crm/projection-runtime';
import { dealTimelineTables, openDealTimeline } from '../shared/deal-timeline';
import { RECORD_MIGRATED, STAGE_AWARE_EVENT_TYPES } from '../shared/record-events';
import { QUOTA_SET } from '../teams/quota.stream';
import { openQuotasWriter, quotaHistoryTable, quotasTable } from '../teams/quotas.table';
import { FORECAST_SNAPSHOT_TAKEN } from './forecast-snapshot.stream';
import { forecastSnapshotsTable, openForecastSnapshotsWriter } from './forecast-snapshots.table';

export const FORECAST_PROJECTION = 'forecast';

/**
 * Every deal, open and closed, as validity intervals (`forecast_deals`): forecast category, probability,
 * amount, close date and when it closed, so the forecast of any period can be asked as of any moment.
 * Beside them the quotas (`QuotaSet`) and the snapshots (`ForecastSnapshotTaken`) the forecast is
 * measured against, so a rebuild reproduces them too. Version 2 added those two; version 3: StageRecorded
 * moves a deal's stage, and every deal interval says whether its history conforms (`conforming`).
 */
export const forecastProjection = (): Projection => ({
  name: FORECAST_PROJECTION,
  // 4: the deal timeline's tables gained `stalled_since` (filled by the pipeline only). 5: RecordMigrated.
  // 6: quota_history, so quotas are measured as they stood at `asOf`.
  version: 6,
  eventTypes: [...STAGE_AWARE_EVENT_TYPES, RECORD_MIGRATED, QUOTA_SET, FORECAST_SNAPSHOT_TAKEN],
  tables: [...dealTimelineTables('forecast'), quotasTable, quotaHistoryTable, forecastSnapshotsTable],
  open: (db, tables, mode) => {
    const deals = openDealTimeline(db, tables, 'forecast', mode);
    const quotas = openQuotasWriter(db, tables);
    const snapshots = openForecastSnapshotsWriter(db, tables);
    return {
      evolve: (event) => {
        if (event.type === QUOTA_SET) quotas(event);
        else if (event.type === FORECAST_SNAPSHOT_TAKEN) snapshots(event);
        else deals.evolve(event);
      },
      finish: () => deals.finish?.(),
    };
  },
});
