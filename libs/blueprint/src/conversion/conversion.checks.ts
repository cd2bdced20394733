import { didYouMean } from '../blueprint.names';
import { problemAt, type PathProblem } from '../blueprint-path';
import type { BlueprintDraft } from '../blueprint.draft';
import { RECORD_ID_SOURCE } from './conversion.model';

/**
 * A conversion within its own blueprint: it converts on a transition a person fires (no approval chain,
 * no timer), each mapped source is a field, `$record` or an earlier step, a match compares a mapped
 * field, and each link is a reference field set to a step's record. The kinds and fields of the records
 * it opens are checked against their blueprints when the directory is loaded (`conversionTargetProblems`).
 */
export const checkConversion = (draft: BlueprintDraft): PathProblem[] => {
  const conversion = draft.conversion;
  if (conversion === undefined) return [];
  const fieldNames = draft.fields.map((field) => field.name);
  const problems: PathProblem[] = [];
  const on = conversion.on;
  if (on !== undefined) {
    const transitions = draft.transitions.filter((transition) => transition.event === on);
    if (transitions.length === 0) {
      const events = [...new Set(draft.transitions.flatMap((transition) => (transition.event === undefined ? [] : [transition.event])))];
      problems.push(problemAt([...conversion.path, 'on'], `no transition "${on}"${didYouMean(on, events)}`));
    }
    for (const transition of transitions) {
      if (transition.approvalSteps.length > 0) {
        problems.push(problemAt(['transitions', transition.index, 'approval'], `"${on}" converts (conversion.on): a conversion cannot wait for an approval chain; approve the transition before it instead`));
      }
    }
    for (const stage of draft.stages) {
      for (const timer of stage.timers) {
        if (timer.fires === on) problems.push(problemAt([...timer.path, 'then', 'fire'], `"${on}" converts (conversion.on): a timer cannot convert a record; a person does`));
      }
    }
  }
  const earlier: string[] = [];
  for (const step of conversion.creates) {
    if (step.as !== undefined && earlier.includes(step.as)) problems.push(problemAt([...step.path, 'as'], `step "${step.as}" is listed twice`));
    for (const [target, source] of step.fields) {
      const path = [...step.path, 'fields', target];
      if (source === RECORD_ID_SOURCE) continue;
      if (source.startsWith('$')) {
        const name = source.slice(1);
        if (!earlier.includes(name)) problems.push(problemAt(path, `"${source}" names no earlier step; earlier: ${[RECORD_ID_SOURCE, ...earlier.map((as) => `$${as}`)].join(', ')}`));
      } else if (!fieldNames.includes(source)) {
        problems.push(problemAt(path, `unknown field "${source}"${didYouMean(source, fieldNames)}`));
      }
    }
    if (step.matchField !== undefined && !step.fields.some(([target]) => target === step.matchField)) {
      problems.push(problemAt([...step.path, 'match', 'field'], `"${step.matchField}" is not one of this step's fields; a match compares a value the step maps`));
    }
    if (step.as !== undefined) earlier.push(step.as);
  }
  for (const [field, source] of conversion.link) {
    const path = [...conversion.path, 'link', field];
    const declared = draft.fields.find((candidate) => candidate.name === field);
    if (declared === undefined) problems.push(problemAt(path, `unknown field "${field}"${didYouMean(field, fieldNames)}`));
    else if (declared.type !== undefined && declared.type !== 'reference') problems.push(problemAt(path, `"${field}" is a ${declared.type} field; a link is a reference field`));
    if (!source.startsWith('$') || source === RECORD_ID_SOURCE || !earlier.includes(source.slice(1))) {
      problems.push(problemAt(path, `must name a step's record as $<as>; steps: ${earlier.map((as) => `$${as}`).join(', ')}`));
    }
  }
  return problems;
};
