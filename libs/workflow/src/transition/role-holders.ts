import type { CompiledBlueprint, UnmetCriterion } from '@crm/blueprint';
import type { RoleHolders } from '../record/record-slice';
import type { ExistingRecord } from '../record/record.state';
import type { Timing } from '../timers/timing';

/**
 * A refusal by role says who could do it instead: the holders of the transition's roles in the team of
 * the record's owner, as people call them ("requires the role manager — held by Ana Li, Bo Chen in team
 * east"). The same words explain a record's next steps ("what blocks me"). Pure: the lookup is given.
 */
export const withRoleHolders = (
  unmet: readonly UnmetCriterion[],
  record: ExistingRecord,
  blueprint: CompiledBlueprint,
  event: string,
  timing: Timing,
  roleHolders: RoleHolders | undefined,
): UnmetCriterion[] => {
  if (roleHolders === undefined || !unmet.some((criterion) => criterion.criterion === 'role')) return [...unmet];
  const roles = blueprint.transitionsFrom(record.stage).find((transition) => transition.event === event)?.criteria.roles ?? [];
  const team = record.owner === null ? null : timing.teamOf(record.owner);
  const byRole = roles.map((role) => roleHolders(role, team));
  // Steps only the engine takes (a payment recorded, a timer) name nobody: no person could take them instead.
  if (byRole.every((holders) => holders === null)) return [...unmet];
  const holders = [...new Set(byRole.flatMap((names) => names ?? []))].sort();
  const where = team === null ? 'with no team' : `in team ${team}`;
  const who = holders.length === 0 ? `nobody ${where} holds it` : `held by ${holders.join(', ')} ${where}`;
  return unmet.map((criterion) => (criterion.criterion === 'role' ? { ...criterion, message: `${criterion.message} — ${who}` } : criterion));
};
