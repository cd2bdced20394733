import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';

export interface ReplayedDelivery {
  readonly deliveryId: string;
  readonly status: 'pending';
  readonly attempts: number;
  readonly nextAttemptAt: string;
}

export class ReplayDeliveryCommand extends Command<ReplayedDelivery> {
  constructor(
    readonly user: User,
    readonly deliveryId: string,
  ) {
    super();
  }
}
