import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { DeliveryPage, DeliveryStatusName } from '@crm/projections';

/** A subscription's delivery log, or (`subscriptionId` null) the deliveries of every subscription, e.g. the dead letters. */
export class ListDeliveriesQuery extends Query<DeliveryPage> {
  constructor(
    readonly user: User,
    readonly subscriptionId: string | null,
    readonly filter: { readonly status?: DeliveryStatusName; readonly limit?: number; readonly cursor?: string },
  ) {
    super();
  }
}
