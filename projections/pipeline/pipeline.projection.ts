import type { Projection } from '@crm/projection-runtime';
import { dealTimelineTables, openDealTimeline } from '../shared/deal-timeline';
import { RECORD_MIGRATED, STAGE_AWARE_EVENT_TYPES } from '../shared/record-events';

export const PIPELINE_PROJECTION = 'pipeline';

/**
 * Open deals by stage and owner, as validity intervals (`pipeline_deals`), with the stage facts of every
 * published blueprint version (`pipeline_stages`): "the pipeline on 2017-06-30" is one indexed query.
 */
export const pipelineProjection = (): Projection => ({
  name: PIPELINE_PROJECTION,
  // 2: StageRecorded moves the stage; `conforming` on every deal interval. 3: `stalled_since` from RecordStalled.
  // 4: RecordMigrated moves a deal to another blueprint version (and stage).
  version: 4,
  eventTypes: [...STAGE_AWARE_EVENT_TYPES, 'RecordStalled', RECORD_MIGRATED],
  tables: dealTimelineTables('pipeline'),
  open: (db, tables, mode) => openDealTimeline(db, tables, 'pipeline', mode),
});
