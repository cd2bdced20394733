import { approvalGuard } from './approval.guard';
import { expressionGuard } from './expression.guard';
import type { GuardDefinition } from './guard';
import { ownerGuard } from './owner.guard';
import { requiredFieldsGuard } from './required-fields.guard';
import { requiredTasksGuard } from './required-tasks.guard';
import { roleGuard } from './role.guard';
import { suppliedFieldsGuard } from './supplied-fields.guard';

/** Every guard a blueprint compiles with by default, in the order unmet criteria are reported. */
export const BUILT_IN_GUARDS: readonly GuardDefinition<unknown>[] = [
  requiredFieldsGuard,
  suppliedFieldsGuard,
  expressionGuard,
  requiredTasksGuard,
  roleGuard,
  ownerGuard,
  approvalGuard,
];
