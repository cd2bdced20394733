import { Inject, Injectable } from '@nestjs/common';
import type { Engine } from '@crm/engine';
import {
  authorizeRecordAction,
  IdentityException,
  IdentityExceptionCode,
  type RecordAction,
  type User,
  type UserDirectory,
} from '@crm/identity';
import { newCommandId, WorkflowException, WorkflowExceptionCode, type RecordCommandResult, type RecordState } from '@crm/workflow';
import { ENGINE, USER_DIRECTORY } from '../api.tokens';
import { recordView, type RecordWriteResult } from './record-view';

/**
 * What every record request shares: loading the record, checking the role rules, turning an
 * Idempotency-Key into a command id, and answering with the record view.
 */
@Injectable()
export class RecordDesk {
  constructor(
    @Inject(ENGINE) readonly engine: Engine,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  /** The existing record, or 404; the kind must be governed by a blueprint (404 otherwise). */
  async load(kind: string, id: string): Promise<RecordState> {
    this.engine.catalog.latestForKind(kind);
    const state = await this.engine.commands.records.load(kind, id);
    if (!state.exists) {
      throw new WorkflowException(WorkflowExceptionCode.RECORD_NOT_FOUND, `${kind} "${id}" does not exist`, { kind, recordId: id });
    }
    return state;
  }

  authorize(user: User, action: RecordAction, record: { kind: string; owner: string | null }, newOwner?: string | null): void {
    const denial = authorizeRecordAction(user, action, record, this.users, newOwner);
    if (denial) {
      throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `${user.id} may not ${action} this ${record.kind}: ${denial.message}`, {
        rule: denial.rule,
        action,
      });
    }
  }

  knowsUser(id: string): boolean {
    return this.users.get(id) !== undefined;
  }

  /** A client's Idempotency-Key makes the command id, scoped to the user so keys of two users never meet. */
  commandId(user: User, idempotencyKey: string | undefined): string {
    if (idempotencyKey === undefined) return newCommandId(this.engine.clock);
    if (!/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, 'Idempotency-Key must be 1-200 visible ASCII characters', {
        header: 'Idempotency-Key',
      });
    }
    return `idempotency:${user.id}:${idempotencyKey}`;
  }

  async answer(user: User, result: RecordCommandResult): Promise<RecordWriteResult> {
    const state = await this.load(result.kind, result.recordId);
    return { record: recordView(state, this.engine.catalog.get(state.blueprint!), user), events: result.events };
  }
}
