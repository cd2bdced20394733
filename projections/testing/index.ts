export { dealBlueprint } from './deal-blueprint.fixture';
export { generateHistory } from './history-generator';
export type { GeneratedHistory, HistoryOptions } from './history-generator';
export { ReferenceHistory, referenceForecast, referenceFunnel, referencePipeline } from './reference-history';
export type { ReferenceForecastCell, ReferenceFunnelRow, ReferencePipelineRow, ReferenceState, ReferenceVisit } from './reference-history';
