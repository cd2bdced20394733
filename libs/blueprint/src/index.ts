export * from './blueprint.model';
export {
  BlueprintException,
  BlueprintExceptionCode,
  formatProblem,
  type BlueprintExceptionDetails,
  type BlueprintProblem,
} from './blueprint.exception';
export { parseBlueprint, validateBlueprint, type BlueprintValidation } from './parse-blueprint';
export { BLUEPRINT_FILE_SUFFIX, loadBlueprintDirectory, loadBlueprintFile } from './blueprint.loader';
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
export { BUILT_IN_GUARDS } from './guards/built-in.guards';
export { defineGuard, hasValue, type CriteriaFacts, type CriterionFailure, type GuardContext, type GuardDefinition, type GuardRef } from './guards/guard';
export { bindGuards, type GuardSet } from './guards/guard-set';
export { OPEN_TASK, type RecordMachine, type RecordMachineContext, type RecordMachineEvent } from './record.machine';
export { compileBlueprint, type CompiledBlueprint, type CompileOptions, type ExplainContext, type NextTransition } from './compile-blueprint';
export { decideTransition, machineInputOf, type TransitionDecision } from './decide-transition';
export { toMermaid } from './to-mermaid';
export { NOT_SUPPORTED_YET } from './blueprint.schema';
