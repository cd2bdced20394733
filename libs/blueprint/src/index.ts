export * from './blueprint.model';
export * from './scoring/scoring.model';
export {
  BlueprintException,
  BlueprintExceptionCode,
  formatProblem,
  invalidBlueprint,
  type BlueprintExceptionDetails,
  type BlueprintProblem,
} from './blueprint.exception';
export { parseBlueprint, validateBlueprint, type BlueprintValidation } from './parse-blueprint';
export { BLUEPRINT_FILE_SUFFIX, loadBlueprintDirectory, loadBlueprintFile, readBlueprintDirectory, type BlueprintDirectoryReading, type BlueprintFile } from './blueprint.loader';
export { blueprintContentHash, blueprintRef, canonicalJson } from './blueprint-content-hash';
export {
  MAX_REFERENCE_LENGTH,
  MAX_STRING_LENGTH,
  MAX_TEXT_LENGTH,
  validateFieldValue,
  validateFieldValues,
  type FieldProblem,
} from './validate-field-value';
export { CEL_TYPE_OF_FIELD, type CelType } from './cel-expression';
export { celExpressionProblem, compileCelExpression, declareCelVariables, type CompiledExpression, type ExpressionVerdict } from './cel-expression';
export { BUILT_IN_GUARDS } from './guards/built-in.guards';
export { defineGuard, hasValue, type CriteriaFacts, type CriterionFailure, type GuardContext, type GuardDefinition, type GuardRef } from './guards/guard';
export { bindGuards, type GuardSet } from './guards/guard-set';
export { afterEventType, OPEN_TASK, type RecordMachine, type RecordMachineContext, type RecordMachineEvent, type TimerPlanner } from './record.machine';
export { compileBlueprint, type CompiledBlueprint, type CompileOptions, type ExplainContext, type NextTransition } from './compile-blueprint';
export {
  decideTransition,
  enterInitialStage,
  machineInputOf,
  stageEffectsOf,
  type DecisionContext,
  type ScheduledTimer,
  type StageEffects,
  type StageTimer,
  type TransitionDecision,
} from './decide-transition';
export { addBusinessTime, addPlainTime, atDay, isWorkingTime, type BusinessCalendar } from './calendars/business-calendar';
export {
  calendarFor,
  DEFAULT_CALENDAR,
  loadBusinessCalendars,
  parseBusinessCalendars,
  STANDARD_CALENDAR,
  standardCalendars,
  TEAM_CALENDAR,
  type BusinessCalendars,
} from './calendars/business-calendars';
export { neededSteps } from './guards/approval.guard';
export { parseAnchor, parseDuration } from './timers/timer-expressions';
export { toMermaid, type MermaidOptions } from './to-mermaid';
export { criteriaPhrases } from './lifecycle/criteria-text';
export { diffBlueprints, formatBlueprintDiff, type BlueprintDiff, type CriteriaChange, type ItemChange, type PropertyChange, type SectionDiff } from './lifecycle/diff-blueprints';
export { toXStateJson, type MachineJson } from './lifecycle/to-xstate-json';
export * from './conversion/conversion.model';
export { conversionTargetProblems, type ConversionTargetProblem } from './conversion/conversion-targets';
