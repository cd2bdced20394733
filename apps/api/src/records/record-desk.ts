import { Inject, Injectable } from '@nestjs/common';
import type { Engine } from '@crm/engine';
import type { User, UserDirectory } from '@crm/identity';
import { newCommandId, recordAfter, recordView, WorkflowException, WorkflowExceptionCode, type RecordCommandResult } from '@crm/workflow';
import { ENGINE, USER_DIRECTORY } from '../api.tokens';
import type { RecordWriteResult } from './record-view';

/**
 * What every record request shares: turning an Idempotency-Key into a command id, and answering with the
 * record view. Access is not judged here: the engine's command handler judges it on the very state it
 * decides from.
 */
@Injectable()
export class RecordDesk {
  constructor(
    @Inject(ENGINE) readonly engine: Engine,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  /** An owner named in a request must be a user of the users file. */
  requireKnownOwner(owner: string | null): void {
    if (owner !== null && this.users.get(owner) === undefined) {
      throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `owner: no user "${owner}"`, { field: 'owner' });
    }
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

  /** The record as the command left it (the state the handler decided and appended from), and its events. */
  answer(user: User, result: RecordCommandResult): RecordWriteResult {
    const record = recordAfter(result);
    const { commands } = this.engine;
    return { record: recordView(record, commands.blueprintOf(record), user, commands.nextSteps(record, user)), events: result.events };
  }
}
