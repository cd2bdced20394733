export { authorizePlatformAction, authorizeQuotaSet, authorizeRecordAction, listScope, RoleAccessPolicy } from './access-policy';
export type { ListScope } from './access-policy';
export type { Denial, PlatformAction, QuotaTarget, RecordAccess, RecordAction } from './access-policy';
export { BearerTokens, loadOrCreateTokenSecret } from './bearer-tokens';
export { IdentityException, IdentityExceptionCode } from './identity.exception';
export { DEMO_USERS, FollowedUserDirectory, followUsersFile, loadOrCreateUsersFile, parseUsers, ROLES, UserDirectory, usersFileProblems } from './user-directory';
export type { FollowOptions, Role, User, UsersFileProblemListener } from './user-directory';
