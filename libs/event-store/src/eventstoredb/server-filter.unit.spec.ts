import { exactTypesRegex, excludeSystemEventTypes, isSystemEvent, planFilter } from './server-filter';

const event = (stream: string, type: string) => ({ stream, type });

describe('planFilter', () => {
  it('given no filter, then the server leaves out system event types and every other event is kept', () => {
    const plan = planFilter();

    expect(plan.server).toEqual(excludeSystemEventTypes);
    expect(plan.keeps(event('order-1', 'OrderPlaced'))).toBe(true);
    expect(plan.keeps(event('$crm-event-id-1', '$crm-event-id-claimed'))).toBe(false);
    expect(plan.keeps(event('_crm-event-id-1', '$crm-event-id-claimed'))).toBe(false);
  });

  it('given a stream prefix that an id claim stream also has, then the claims (a system event type) are still dropped', () => {
    expect(planFilter({ streamPrefixes: ['_'] }).keeps(event('_crm-event-id-1', '$crm-event-id-claimed'))).toBe(false);
  });

  it('given stream prefixes, then they go to the server as prefixes and system streams under them are still dropped', () => {
    const plan = planFilter({ streamPrefixes: ['order-', '$'] });

    expect(plan.server).toEqual({ on: 'stream-name', prefixes: ['order-', '$'] });
    expect(plan.keeps(event('order-1', 'OrderPlaced'))).toBe(true);
    expect(plan.keeps(event('$users', 'UserCreated'))).toBe(false);
  });

  it('given event types only, then the server gets an anchored regex so a type is not matched by its prefix', () => {
    const plan = planFilter({ eventTypes: ['OrderPlaced', 'Order.Shipped'] });

    expect(plan.server).toEqual({ on: 'event-type', regex: '^(?:OrderPlaced|Order\\.Shipped)$' });
    expect(new RegExp(exactTypesRegex(['OrderPlaced'])).test('OrderPlacedAgain')).toBe(false);
    expect(plan.keeps(event('order-1', 'OrderXShipped'))).toBe(false);
  });

  it('given a prefix and types, then the prefix goes to the server and the types are checked on every event here', () => {
    const plan = planFilter({ streamPrefixes: ['order-'], eventTypes: ['OrderShipped'] });

    expect(plan.server).toEqual({ on: 'stream-name', prefixes: ['order-'] });
    expect(plan.keeps(event('order-1', 'OrderShipped'))).toBe(true);
    expect(plan.keeps(event('order-1', 'OrderPlaced'))).toBe(false);
    expect(plan.keeps(event('customer-1', 'OrderShipped'))).toBe(false);
  });

  it('given an empty list of prefixes or types, then nothing matches, as in the SQLite store', () => {
    for (const plan of [planFilter({ streamPrefixes: [] }), planFilter({ eventTypes: [] })]) {
      expect(plan.server).toEqual({ on: 'event-type', regex: '^$' });
      expect(plan.keeps(event('order-1', 'OrderPlaced'))).toBe(false);
    }
  });

  it('given regex metacharacters in types, then they are matched literally', () => {
    const regex = new RegExp(exactTypesRegex(['a+b', 'c|d', '(e)', '$f', 'g\\h']));

    expect(['a+b', 'c|d', '(e)', '$f', 'g\\h'].every((type) => regex.test(type))).toBe(true);
    expect(['aab', 'c', 'e', 'f', 'gh'].some((type) => regex.test(type))).toBe(false);
  });

  it('given $ in a stream or a type, then it is a system event', () => {
    expect([isSystemEvent(event('$all', 'A')), isSystemEvent(event('a', '$A')), isSystemEvent(event('a$', 'A$'))]).toEqual([true, true, false]);
  });
});
