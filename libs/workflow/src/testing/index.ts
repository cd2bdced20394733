export { RecordScenario } from './record-scenario';
export type { ScenarioCommand, ScenarioOutcome } from './record-scenario';
