import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { concatMap, filter, interval, map, merge, of, takeUntil, type Observable } from 'rxjs';
import type { Engine } from '@crm/engine';
import { authorizeRecordAction, type User, type UserDirectory } from '@crm/identity';
import { ENGINE, USER_DIRECTORY } from '../api.tokens';
import { CurrentUser } from '../identity/current-user.decorator';
import { ReadModelChangeFeed } from './read-model-change-feed';
import type { ReadModelChanges, RecordChange } from './read-model-changes';

/** A comment line now and then keeps proxies from closing a quiet stream, and tells the server a client left. */
const KEEP_ALIVE_MS = 25_000;

/** What one user is told: the records they may read (or could, before they changed hands) and the aggregates. */
export interface LiveChanges {
  readonly records: readonly Pick<RecordChange, 'kind' | 'recordId' | 'types'>[];
  readonly kinds: readonly string[];
  readonly forecast: boolean;
  readonly blueprints: boolean;
}

/**
 * `GET /live`: server-sent events of the read models' changes for the signed-in user, filtered by the same
 * read rules as the lists: a record change goes to those who may read the record now (judged by the command
 * handler on the record's state, as `GET /records/:kind/:id` is), or who could before it changed hands;
 * the aggregates (pipeline, forecast, funnel) are everyone's, so their kinds go to all. Messages:
 * `ready` once connected, then `changes` ({@link LiveChanges}). Not in the OpenAPI document (an event
 * stream, not a JSON answer); README, Web app, describes it.
 */
@ApiExcludeController()
@Controller('live')
export class LiveController {
  constructor(
    private readonly feed: ReadModelChangeFeed,
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  @Sse()
  live(@CurrentUser() user: User): Observable<MessageEvent> {
    const changes = this.feed.changes$.pipe(
      concatMap((batch) => this.visibleTo(user.id, batch)),
      filter((changes): changes is LiveChanges => changes !== null),
      map((changes): MessageEvent => ({ type: 'changes', data: changes })),
    );
    const keepAlive = interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keep-alive', data: {} })));
    return merge(of<MessageEvent>({ type: 'ready', data: {} }), changes, keepAlive).pipe(takeUntil(this.feed.closed$));
  }

  /** Judged with the user as the users file has them now; a user removed from it is told nothing more. */
  private async visibleTo(userId: string, batch: ReadModelChanges): Promise<LiveChanges | null> {
    const user = this.users.get(userId);
    if (user === undefined) return null;
    const records: LiveChanges['records'][number][] = [];
    for (const change of batch.records) {
      if (await this.mayRead(user, change)) records.push({ kind: change.kind, recordId: change.recordId, types: change.types });
    }
    if (records.length === 0 && batch.kinds.length === 0 && !batch.forecast && !batch.blueprints) return null;
    return { records, kinds: batch.kinds, forecast: batch.forecast, blueprints: batch.blueprints };
  }

  private async mayRead(user: User, change: RecordChange): Promise<boolean> {
    const readsNow = await this.engine.commands.read(change.kind, change.recordId, user).then(
      () => true,
      // Not found and not readable answer alike (README, Users, roles and rules): either way, nothing to tell.
      () => false,
    );
    if (readsNow || change.formerOwner === undefined) return readsNow;
    return authorizeRecordAction(user, 'read', { kind: change.kind, owner: change.formerOwner }, this.users) === null;
  }
}

