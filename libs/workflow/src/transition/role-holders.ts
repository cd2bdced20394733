import type { CompiledBlueprint, UnmetCriterion } from '@crm/blueprint';
import type { RoleHolders } from '../record/record-slice';
import type { ExistingRecord } from '../record/record.state';
import type { Timing } from '../timers/timing';

/**
 * A refusal by role says who could do it instead: the holders of the transition's roles in the team of
 * the record's owner ("requires the role manager; in team east: maria"). Pure: the lookup is given.
 */
export const withRoleHolders = (
  unmet: readonly UnmetCriterion[],
  record: ExistingRecord,
  blueprint: CompiledBlueprint,
  event: string,
  timing: Timing,
  roleHolders: RoleHolders | undefined,
): UnmetCriterion[] => {
  if (roleHolders === undefined) return [...unmet];
  const roles = blueprint.transitionsFrom(record.stage).find((transition) => transition.event === event)?.criteria.roles ?? [];
  const team = record.owner === null ? null : timing.teamOf(record.owner);
  const holders = [...new Set(roles.flatMap((role) => roleHolders(role, team)))].sort();
  const where = team === null ? 'with no team' : `in team ${team}`;
  const who = holders.length === 0 ? `nobody ${where} holds it` : `${where}: ${holders.join(', ')}`;
  return unmet.map((criterion) => (criterion.criterion === 'role' ? { ...criterion, message: `${criterion.message}; ${who}` } : criterion));
};
