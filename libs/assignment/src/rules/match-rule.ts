import type { FieldValue, FieldValues } from '@crm/blueprint';
import type { AssignmentRule, AssignmentTrigger } from './assignment-rules';

/** Whether a rule applies to a lead, and why in words (`crm assignment test` prints them). */
export interface RuleMatch {
  readonly matched: boolean;
  readonly why: readonly string[];
}

const shown = (value: FieldValue): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

const valueOf = (fields: FieldValues, name: string): FieldValue | undefined =>
  Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;

/**
 * A rule matches when it applies to the trigger, every `match` field holds one of its values and the
 * `when` condition holds. The first thing that fails is the reason it does not match.
 */
export const matchRule = (rule: AssignmentRule, fields: FieldValues, trigger: AssignmentTrigger): RuleMatch => {
  if (!rule.on.includes(trigger)) return { matched: false, why: [`applies on ${rule.on.join(' and ')} only, not on ${trigger}`] };
  const why: string[] = [];
  for (const { field, values } of rule.match) {
    const value = valueOf(fields, field);
    const listed = values.map((candidate) => String(candidate)).join(', ');
    if (value === undefined || value === null) return { matched: false, why: [`${field} has no value (wanted one of ${listed})`] };
    if (!values.includes(value)) return { matched: false, why: [`${field} is ${shown(value)}, not one of ${listed}`] };
    why.push(`${field} is ${shown(value)} (one of ${listed})`);
  }
  if (rule.when !== undefined) {
    const verdict = rule.when.evaluate(fields);
    if (!verdict.holds) return { matched: false, why: [`${rule.when.source} does not hold${verdict.reason === undefined ? '' : ` (${verdict.reason})`}`] };
    why.push(`${rule.when.source} holds`);
  }
  return { matched: true, why: why.length === 0 ? ['it matches every lead'] : why };
};
