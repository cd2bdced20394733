import { authorizePlatformAction, IdentityException, IdentityExceptionCode, type Denial, type PlatformAction, type User } from '@crm/identity';
import type { PlatformCommandEnvelope } from '@crm/projections';
import { cliOrigin } from './cli-origin';

/** The refusal of an action the role rules deny: FORBIDDEN naming the rule (exit 5), as the API answers 403. */
export const forbidden = (user: User, action: PlatformAction, denial: Denial): IdentityException =>
  new IdentityException(IdentityExceptionCode.FORBIDDEN, `${user.id} may not ${action}: ${denial.message}`, { rule: denial.rule, action });

/** Throws FORBIDDEN unless the role rules let the user take the platform action (README, Users, roles and rules). */
export const requirePlatformAction = (user: User, action: PlatformAction): void => {
  const denial = authorizePlatformAction(user, action);
  if (denial !== null) throw forbidden(user, action, denial);
};

/**
 * The acting user as a platform command stored as events carries them: who, from where (the OS user),
 * and the access check the command loop judges inside the stream's lock. The check is also made before
 * anything is opened, so a refused user touches no store or read model.
 */
export const platformCommandBy = (user: User, authorize: () => void): PlatformCommandEnvelope => {
  authorize();
  return { actor: { id: user.id, roles: user.roles }, origin: cliOrigin(), authorize };
};
