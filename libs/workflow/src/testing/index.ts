export { RecordScenario } from './record-scenario';
export type { ScenarioCommand, ScenarioOutcome, ScenarioStep } from './record-scenario';
