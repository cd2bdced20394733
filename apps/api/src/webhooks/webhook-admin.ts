import { authorizePlatformAction, IdentityException, IdentityExceptionCode, type User, type UserDirectory } from '@crm/identity';
import type { Acting } from '@crm/notifications';

/**
 * Judged on the users file as it is then (roles come from the file, never from the token): rule
 * `admin-only` (README, Users, roles and rules).
 */
export const requireWebhookAdmin = (user: User, users: UserDirectory): void => {
  const current = users.get(user.id);
  const denial = current === undefined ? { rule: 'known-users-only', message: `no user "${user.id}" in the users file` } : authorizePlatformAction(current, 'webhooks.manage');
  if (denial) {
    throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `${user.id} may not manage webhooks: ${denial.message}`, { rule: denial.rule, action: 'webhooks.manage' });
  }
};

/** An admin's write, judged inside the stream's lock like every write stored as events. */
export const webhookAdmin = (user: User, users: UserDirectory): Acting => ({
  actor: { id: user.id, roles: user.roles },
  authorize: () => requireWebhookAdmin(user, users),
});
