import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { authorizePlatformAction, IdentityException, IdentityExceptionCode } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { takeForecastSnapshot, type ForecastSnapshot } from '@crm/projections';
import { ENGINE, READ_MODELS } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { TakeForecastSnapshotCommand } from './take-forecast-snapshot.command';

/** Freezes what the forecast says now for a period; a snapshot is never retaken (`alreadyTaken`). */
@CommandHandler(TakeForecastSnapshotCommand)
export class TakeForecastSnapshotHandler implements ICommandHandler<TakeForecastSnapshotCommand> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  async execute({ user, request }: TakeForecastSnapshotCommand): Promise<ForecastSnapshot> {
    const denial = authorizePlatformAction(user, 'forecast.snapshot');
    if (denial) {
      throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `${user.id} may not take a forecast snapshot: ${denial.message}`, {
        rule: denial.rule,
        action: 'forecast.snapshot',
      });
    }
    return takeForecastSnapshot(this.readModels.db, this.engine.clock, { ...request, kind: knownKind(this.engine.catalog, request.kind) });
  }
}
