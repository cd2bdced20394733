import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { bufferTime, concatMap, filter, map, share, Subject, takeUntil, type Observable } from 'rxjs';
import type { Engine } from '@crm/engine';
import type { LiveProjections } from '../background/live-projections';
import { storedEvents } from '@crm/reactor-runtime';
import { ENGINE, PROJECTION_RUNNER } from '../api.tokens';
import { isEmptyChange, readModelChangesOf, type ReadModelChanges } from './read-model-changes';

/** Events arriving within this long go out as one change: a burst of writes is one refresh, not hundreds. */
export const LIVE_BATCH_MS = 100;
/** How long a batch waits for the read models to apply it before it is announced anyway. */
const READ_MODEL_WAIT_MS = 5_000;

/**
 * The read models' changes as one shared Observable: the store's subscription from its end, in batches,
 * each announced once every projection has applied it (so a client that refetches on the announcement
 * reads the new rows). One store subscription serves every connection; it is closed when the last one
 * leaves, and every stream completes when the app closes (an open stream would hold the server open).
 */
@Injectable()
export class ReadModelChangeFeed implements OnModuleDestroy {
  private readonly closing = new Subject<void>();
  readonly changes$: Observable<ReadModelChanges>;

  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(PROJECTION_RUNNER) private readonly projections: LiveProjections,
  ) {
    this.changes$ = storedEvents(engine.store, { from: 'end' }).pipe(
      bufferTime(LIVE_BATCH_MS),
      filter((batch) => batch.length > 0),
      concatMap(async (batch) => {
        await this.projections.waitForPosition(batch[batch.length - 1].position, READ_MODEL_WAIT_MS).catch(() => {
          // A failed or slow projection (its state is in GET /projections) must not silence the others'
          // changes: announce the batch; a client refetching reads what the read models have.
        });
        return batch;
      }),
      map((batch) => readModelChangesOf(batch, this.engine.catalog.kinds())),
      filter((changes) => !isEmptyChange(changes)),
      takeUntil(this.closing),
      share(),
    );
  }

  /** Nest calls it before the HTTP server closes: every live stream completes, so no response holds it open. */
  get closed$(): Observable<void> {
    return this.closing.asObservable();
  }

  onModuleDestroy(): void {
    this.closing.next();
    this.closing.complete();
  }
}
