import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { ForecastSnapshot } from '@crm/projections';
import type { TakeForecastSnapshotRequest } from '../forecast-requests.dto';

export class TakeForecastSnapshotCommand extends Command<ForecastSnapshot> {
  constructor(
    readonly user: User,
    readonly request: TakeForecastSnapshotRequest,
  ) {
    super();
  }
}
