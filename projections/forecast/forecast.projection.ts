import type { Projection } from '@crm/projection-runtime';
import { dealTimelineTables, openDealTimeline } from '../shared/deal-timeline';
import { STAGE_AWARE_EVENT_TYPES } from '../shared/record-events';

export const FORECAST_PROJECTION = 'forecast';

/**
 * Every deal, open and closed, as validity intervals (`forecast_deals`): forecast category, probability,
 * amount, close date and when it closed, so the forecast of any period can be asked as of any moment.
 */
export const forecastProjection = (): Projection => ({
  name: FORECAST_PROJECTION,
  version: 1,
  eventTypes: STAGE_AWARE_EVENT_TYPES,
  tables: dealTimelineTables('forecast'),
  open: (db, tables) => openDealTimeline(db, tables, 'forecast'),
});
