import type { ApiSchemas } from '@crm/api-client';

/** The shapes the web app reads, by their OpenAPI names (libs/api-client, generated from the API's document). */
export type Approval = ApiSchemas['Approval'];
export type ApprovalStep = ApiSchemas['ApprovalStep'];
export type OpenTask = ApiSchemas['OpenTask'];
export type UnmetCriterion = ApiSchemas['UnmetCriterion'];
export type NextStep = ApiSchemas['NextStep'];
export type RecordView = ApiSchemas['RecordView'];
export type FieldValues = ApiSchemas['RecordView']['fields'];
export type RecordListItem = ApiSchemas['RecordListItem'];
export type PipelineReport = ApiSchemas['PipelineReport'];
export type StalledDeal = ApiSchemas['StalledDeal'];
export type FunnelReport = ApiSchemas['FunnelReport'];
export type FunnelStageRow = ApiSchemas['FunnelStageRow'];
export type ForecastReport = ApiSchemas['ForecastReport'];
export type AccuracyReport = ApiSchemas['AccuracyReport'];
export type BlueprintSummary = ApiSchemas['BlueprintSummary'];
export type BlueprintDetail = ApiSchemas['BlueprintDetail'];
export type BlueprintDefinition = ApiSchemas['BlueprintDefinition'];
export type FieldDefinition = ApiSchemas['FieldDefinition'];
export type StageDefinition = ApiSchemas['StageDefinition'];
export type TransitionDefinition = ApiSchemas['TransitionDefinition'];
export type WorkTask = ApiSchemas['TaskListItem'];
export type WaitingApproval = ApiSchemas['WaitingApproval'];

/** One event of a record's history, whatever its type (the timeline shows the types it knows and names the others). */
export type HistoryEntry = {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly occurredAt: string;
  readonly metadata: { readonly actor: string; readonly imported?: boolean };
  readonly data: Readonly<Record<string, unknown>>;
};
export type SalesAnalyticsReport = ApiSchemas['SalesAnalyticsReport'];
export type SalesMetricsRow = ApiSchemas['SalesMetricsRow'];
export type QuoteLines = ApiSchemas['QuoteLines'];
export type QuoteVersionSummary = ApiSchemas['QuoteVersionSummary'];
export type QuoteSending = ApiSchemas['QuoteSending'];
export type PricedQuote = ApiSchemas['PricedQuote'];
export type PricedLine = ApiSchemas['PricedLine'];
export type PriceQuoteRequest = ApiSchemas['PriceQuoteRequest'];
export type QuoteLineRequest = ApiSchemas['QuoteLineRequest'];
export type Catalog = ApiSchemas['Catalog'];
export type PriceBook = ApiSchemas['PriceBook'];
export type CatalogProduct = ApiSchemas['CatalogProduct'];
export type LinesCopiedData = ApiSchemas['LinesCopiedData'];
export type PaymentRecordedData = ApiSchemas['PaymentRecordedData'];
export type Score = ApiSchemas['Score'];
