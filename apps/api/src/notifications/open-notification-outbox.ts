import { Logger } from '@nestjs/common';
import type { Clock } from '@crm/clock';
import type { Engine } from '@crm/engine';
import type { UserDirectory } from '@crm/identity';
import { NotificationOutbox, type DeliveryNotice, type OutboxMode } from '@crm/notifications';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { pendingDeliveriesIn } from '@crm/projections';
import type { ReactorStateChange } from '@crm/reactor-runtime';

const logReactorFailure = (change: ReactorStateChange): void => {
  if (change.state === 'failed') new Logger('Reactors').error(`${change.reactor} stopped at its checkpoint: ${change.error ?? 'unknown error'}`);
};

// Names deliveries only: a URL may carry a token in its query, and a secret is never logged.
const logDeliveryNotice = (notice: DeliveryNotice): void => {
  const logger = new Logger('Webhooks');
  if (notice.kind === 'dead-lettered') logger.warn(`delivery ${notice.deliveryId} failed every attempt of its series and is a dead letter (GET /webhooks/dead-letters)`);
  else logger.error(`sending due webhook deliveries failed, trying again in ${notice.delayMs} ms: ${notice.reason}`);
};

/** Manual runs of several processes hand the leases over quickly: a host waits for them. */
const MANUAL_STANDBY_POLL_MS = 20;

/**
 * The notification outbox of this API process (README, Notifications and webhooks), on the engine's
 * store and clock, the users file the API follows, and the webhooks read model for what is due.
 */
export const openNotificationOutbox = (parts: {
  readonly engine: Engine;
  readonly readModels: ReadModelDatabase;
  readonly users: UserDirectory;
  readonly clock: Clock;
  readonly mode: OutboxMode;
}): NotificationOutbox =>
  new NotificationOutbox({
    store: parts.engine.store,
    clock: parts.clock,
    users: () => parts.users,
    deliveries: pendingDeliveriesIn(parts.readModels.db),
    mode: parts.mode,
    ...(parts.mode === 'manual' ? { reactors: { standbyPollMs: MANUAL_STANDBY_POLL_MS } } : {}),
    onReactorStateChange: logReactorFailure,
    onDeliveryNotice: logDeliveryNotice,
  });
