export { Engine } from './engine';
export type { EngineConfig } from './engine';
