import { filter, Observable, type OperatorFunction } from 'rxjs';
import type { EventStore, StoredEvent, SubscribeOptions } from '@crm/event-store';

/**
 * The store's catch-up subscription (from a position, then live) as an Observable: an error of the
 * subscription is the Observable's error, unsubscribing closes the subscription.
 *
 * An Observable pushes and cannot be told to wait, so a consumer that works slower than a catch-up reads
 * buffers the backlog in memory; the reactor runtime therefore pulls its events itself and hands each
 * reactor one event at a time (README, Architecture, Reactors).
 */
export const storedEvents = (store: EventStore, options: SubscribeOptions = {}): Observable<StoredEvent> =>
  new Observable<StoredEvent>((subscriber) => {
    const subscription = store.subscribe(options);
    const deliver = async (): Promise<void> => {
      for await (const event of subscription) {
        if (subscriber.closed) return;
        subscriber.next(event);
      }
      subscriber.complete();
    };
    deliver().catch((error: unknown) => subscriber.error(error));
    return () => {
      // The subscriber is gone, so a failure to close has no one to go to; closing the store ends it anyway.
      subscription.close().catch(() => undefined);
    };
  });

/** Lets through the events of these types, narrowed to them (as `ofType` of @nestjs/cqrs does for classes). */
export const ofType = <Type extends string>(...types: readonly Type[]): OperatorFunction<StoredEvent, StoredEvent<Type>> => {
  const wanted = new Set<string>(types);
  return filter((event): event is StoredEvent<Type> => wanted.has(event.type));
};
