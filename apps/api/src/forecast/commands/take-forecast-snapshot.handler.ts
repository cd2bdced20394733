import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { authorizePlatformAction, IdentityException, IdentityExceptionCode, type User, type UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import type { LiveProjections } from '../../background/live-projections';
import { ForecastSnapshots, type ForecastSnapshot, type SnapshotTaker } from '@crm/projections';
import { ENGINE, PROJECTION_RUNNER, READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { TakeForecastSnapshotCommand } from './take-forecast-snapshot.command';

/** How long an answer waits for the read models to hold the snapshot; they follow within a second (README, HTTP API). */
const READ_MODELS_FOLLOW_MS = 5_000;

/**
 * Judged inside the snapshot stream's lock on the users file as it is then (roles come from the file,
 * never from the token): rule `manager-analyst-or-admin`.
 */
const snapshotTaker = (user: User, users: UserDirectory): SnapshotTaker => ({
  actor: { id: user.id, roles: user.roles },
  origin: { via: 'api' },
  authorize: () => {
    const current = users.get(user.id);
    const denial =
      current === undefined ? { rule: 'known-users-only', message: `no user "${user.id}" in the users file` } : authorizePlatformAction(current, 'forecast.snapshot');
    if (denial) {
      throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `${user.id} may not take a forecast snapshot: ${denial.message}`, {
        rule: denial.rule,
        action: 'forecast.snapshot',
      });
    }
  },
});

/**
 * Freezes what the forecast says now for a period, as a `ForecastSnapshotTaken` event through the same
 * path as `crm forecast snapshot`; a snapshot is never retaken (`alreadyTaken`).
 */
@CommandHandler(TakeForecastSnapshotCommand)
export class TakeForecastSnapshotHandler implements ICommandHandler<TakeForecastSnapshotCommand> {
  private readonly snapshots: ForecastSnapshots;
  private readonly logger = new Logger('Forecast');

  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(PROJECTION_RUNNER) private readonly projections: LiveProjections,
  ) {
    this.snapshots = new ForecastSnapshots({ store: engine.store, db: readModels.db, clock: engine.clock });
  }

  async execute({ user, request }: TakeForecastSnapshotCommand): Promise<ForecastSnapshot> {
    const snapshot = await this.snapshots.take({ ...request, kind: knownKind(this.engine.catalog, request.kind) }, snapshotTaker(user, this.users));
    await this.untilReadModelsHoldIt();
    return snapshot;
  }

  /**
   * A client that took a snapshot reads the accuracy report next; the answer waits (bounded) until the
   * read models hold it. The snapshot is stored either way, so a read model that lags only costs a warning.
   */
  private async untilReadModelsHoldIt(): Promise<void> {
    const head = await this.engine.store.headPosition();
    if (head === null) return;
    try {
      await this.projections.waitForPosition(head, READ_MODELS_FOLLOW_MS);
    } catch (error) {
      this.logger.warn(`the snapshot is stored; the read models do not show it yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
