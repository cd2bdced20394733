import { authorizePlatformAction, IdentityException, IdentityExceptionCode, type User, type UserDirectory } from '@crm/identity';

/** Publishing, drafts and migrations: process owners and admins, by the users file as it is now. */
export const requireBlueprintAuthor = (user: User, users: UserDirectory, doing: string): void => {
  const current = users.get(user.id);
  const denial = current === undefined ? { rule: 'known-users-only', message: `no user "${user.id}" in the users file` } : authorizePlatformAction(current, 'blueprints.publish');
  if (denial) throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `${user.id} may not ${doing}: ${denial.message}`, { rule: denial.rule, action: 'blueprints.publish' });
};
