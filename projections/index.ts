export { crmProjections } from './crm-projections';
export { forecastProjection, FORECAST_PROJECTION } from './forecast/forecast.projection';
export { forecastDateOf, queryForecast } from './forecast/forecast.queries';
export type { ForecastGrouping, ForecastQuery, ForecastReport, ForecastRow } from './forecast/forecast.queries';
export { ForecastSnapshots, queryForecastAccuracy } from './forecast/forecast-snapshots';
export type {
  AccuracyQuery,
  AccuracyReport,
  AccuracyRow,
  DueSnapshotsRequest,
  ForecastSnapshot,
  SnapshotRequest,
  SnapshotTaker,
} from './forecast/forecast-snapshots';
export { FORECAST_SNAPSHOT_STREAM_PREFIX, FORECAST_SNAPSHOT_TAKEN, forecastSnapshotStream } from './forecast/forecast-snapshot.stream';
export type { ForecastSnapshotTaken, SnapshotFigures, SnapshotMoment } from './forecast/forecast-snapshot.stream';
export { auditFunnel } from './funnel/funnel-audit';
export type { FunnelAudit, FunnelAuditOptions } from './funnel/funnel-audit';
export { funnelProjection, FUNNEL_PROJECTION, isAdvance } from './funnel/funnel.projection';
export { NO_VALUE, queryFunnel } from './funnel/funnel.queries';
export type { FunnelQuery, FunnelReport, FunnelStageRow, LostReasonRow } from './funnel/funnel.queries';
export { funnelReportDigest, renderFunnelReport } from './funnel/funnel-report';
export { pipelineProjection, PIPELINE_PROJECTION } from './pipeline/pipeline.projection';
export { queryPipeline } from './pipeline/pipeline.queries';
export type { PipelineQuery, PipelineReport, PipelineRow, PipelineTotal, StalledDeal } from './pipeline/pipeline.queries';
export { recordsProjection, RECORDS_PROJECTION } from './records/records.projection';
export { approvalsProjection, APPROVALS_PROJECTION } from './tasks/approvals.projection';
export { listApprovals } from './tasks/approvals.queries';
export type { ApprovalListItem, ApprovalListQuery, ApprovalPage } from './tasks/approvals.queries';
export { tasksProjection, TASKS_PROJECTION } from './tasks/tasks.projection';
export { listTasks, TASK_STATUS_FILTERS } from './tasks/tasks.queries';
export type { TaskListItem, TaskListQuery, TaskPage, TaskStatusFilter } from './tasks/tasks.queries';
export { listRecords, openRecordsByOwner, blueprintVersionCounts, recordsMatching, recordsOnVersion } from './records/records.queries';
export type { RecordListItem, RecordListQuery, RecordPage, RecordVisibility, BlueprintVersionCount, RecordOnVersion } from './records/records.queries';
export { lostReasonFieldOf } from './shared/blueprint-stages.table';
export {
  parseAsOf,
  parseInstant,
  periodOfDate,
  periodStart,
  PERIOD_KINDS,
  type PeriodKind,
} from './shared/business-time';
export { AMOUNT_FIELD, CLOSE_DATE_FIELD } from './shared/deal-timeline';
export { ReadModelException, ReadModelExceptionCode } from './shared/read-model.exception';
export { knownAt } from './shared/record-events';
export { CONFORMANCE_CHOICES, conformanceOf, type Conformance } from './shared/conformance';
export { QUOTA_SET, QUOTA_STREAM_PREFIX, quotaStream, type Quota, type QuotaScope } from './teams/quota.stream';
export { Quotas, type QuotaOutcome, type QuotaSetting } from './teams/quotas';
export type { PlatformCommandEnvelope } from './shared/platform-command';
export { notificationsProjection, NOTIFICATIONS_PROJECTION } from './notifications/notifications.projection';
export { listNotifications } from './notifications/notifications.queries';
export type { NotificationItem, NotificationPage, NotificationQuery } from './notifications/notifications.queries';
export { webhooksProjection, WEBHOOKS_PROJECTION } from './notifications/webhooks.projection';
export {
  deliveriesBacklog,
  deliveryOf,
  DELIVERY_STATUSES,
  dueDeliveries,
  listDeliveries,
  listSubscriptions,
  nextDeliveryDueAfter,
  pendingDeliveriesIn,
  subscriptionOf,
} from './notifications/webhooks.queries';
export type {
  AttemptItem,
  DeliveryItem,
  DeliveryPage,
  DeliveryQuery,
  DeliveryStatusName,
  DueDelivery,
  PendingDeliveriesReadModel,
  SubscriptionItem,
} from './notifications/webhooks.queries';
export { ensureTeamsTable, regionsByOwner, setTeams, teamOf, teamsByOwner, UNASSIGNED_TEAM } from './teams/teams.table';
export type { TeamAssignment, TeamsUpdate } from './teams/teams.table';
export { recordOfStream, timersProjection, TIMERS_PROJECTION, TIMER_EVENT_TYPES } from './timers/timers.projection';
export { dueTimers, nextDueAfter, pendingTimersIn, timersBacklog } from './timers/timers.queries';
export type { DueTimer, DueTimerCursor, PendingTimersReadModel, TimersBacklog } from './timers/timers.queries';
export { ANALYTICS_DIMENSIONS, dealHistoriesAsOf, explainSalesFigure, NO_VALUE as NO_DIMENSION_VALUE, querySalesAnalytics } from './analytics/sales-analytics.queries';
export type { AnalyticsDimension, ExplainedRecord, ExplainQuery, FigureExplanation, SalesAnalyticsQuery, SalesAnalyticsReport, SalesMetricsRow } from './analytics/sales-analytics.queries';
export { figuresOf, salesAnalyticsCsv, type FigureLine } from './analytics/sales-analytics-csv';
export { EXPLAINABLE_METRICS, type ExplainableMetric, type FigureMember, type FigurePart } from './analytics/figure-members';
export { AGING_BUCKETS, DEAL_OUTCOMES, type DealOutcome } from './analytics/sales-metrics';
export { planMigrationFromReadModel, type MigrationRequest } from './records/migration-plan.query';
export { openRowsInMemory } from './shared/open-rows';
