import { randomUUID } from 'node:crypto';
import { EventSchemas, SCHEMA_VERSION_KEY } from '../event-schemas';
import { EventStoreExceptionCode } from '../event-store.exception';
import type { EventStore, StoredEvent } from '../event-store.port';
import { rejectionOf, SubscriptionReader } from './async-probes';
import { newEvent, readAllAfter, startOf } from './event-fixtures';
import { SLOW_TEST_TIMEOUT_MS } from './test-timeouts';

/** Opens a store on the same data each time (the same folder, the same server), with these schemas or none. */
export interface SchemaEvolutionHarness {
  open(schemas?: EventSchemas): Promise<EventStore>;
  dispose(): Promise<void>;
}

/**
 * A contact's name, in three versions: v1 `{ name }`, v2 `{ fullName }`, v3 `{ fullName, locale }`.
 * The upcasters are what a process owner's developer writes when a shape changes (README, "Event schema versions").
 */
const contactSchemas = new EventSchemas({
  ContactNamed: {
    version: 3,
    upcasters: {
      1: ({ name, ...rest }) => ({ ...rest, fullName: name ?? null }),
      2: (data) => ({ ...data, locale: 'und' }),
    },
  },
});

const namesOf = (events: readonly StoredEvent[]): unknown[] => events.map((event) => event.data);

/**
 * Old shapes read with new code, on a real adapter: events stored by a build that knew only v1 (no
 * schemas, no version stamp) and by one at v2 are read by a build at v3 through every read path.
 */
export const describeSchemaEvolutionContract = (adapterName: string, createHarness: () => Promise<SchemaEvolutionHarness>): void => {
  describe(`event schema evolution: ${adapterName}`, () => {
    let harness: SchemaEvolutionHarness;

    beforeEach(async () => {
      harness = await createHarness();
    }, SLOW_TEST_TIMEOUT_MS);

    afterEach(async () => {
      await harness.dispose();
    });

    it('given ContactNamed stored at v1 and v2, when a build at v3 reads it, then every read path gives v3 shapes', async () => {
      const stream = `contact-${randomUUID()}`;
      const oldBuild = await harness.open();
      const from = await startOf(oldBuild);
      await oldBuild.append(stream, [newEvent('ContactNamed', { contactId: 'c1', name: 'Ada Lovelace' })], 'no_stream');
      await oldBuild.append(stream, [newEvent('ContactNamed', { contactId: 'c1', fullName: 'Ada King' }, { metadata: { [SCHEMA_VERSION_KEY]: 2 } })], 0);
      await oldBuild.append(stream, [newEvent('NoteAdded', { contactId: 'c1', name: 'left as stored: NoteAdded has no schema' })], 1);
      await oldBuild.close();

      const newBuild = await harness.open(contactSchemas);
      try {
        const expected = [
          { contactId: 'c1', fullName: 'Ada Lovelace', locale: 'und' },
          { contactId: 'c1', fullName: 'Ada King', locale: 'und' },
          { contactId: 'c1', name: 'left as stored: NoteAdded has no schema' },
        ];
        const streamRead = await newBuild.readStream(stream);
        expect(namesOf(streamRead)).toEqual(expected);
        expect(streamRead.map((event) => event.metadata[SCHEMA_VERSION_KEY])).toEqual([3, 3, undefined]);
        expect(namesOf(await readAllAfter(newBuild, from, { streamPrefixes: [stream] }))).toEqual(expected);
        const subscription = new SubscriptionReader(newBuild.subscribe({ from, filter: { streamPrefixes: [stream] } }));
        try {
          expect(namesOf(await subscription.take(3))).toEqual(expected);
        } finally {
          await subscription.subscription.close();
        }
      } finally {
        await newBuild.close();
      }
    }, SLOW_TEST_TIMEOUT_MS);

    it('given ContactNamed stored at v1, when the old build reads it again, then it is as stored (nothing was rewritten)', async () => {
      const stream = `contact-${randomUUID()}`;
      const oldBuild = await harness.open();
      await oldBuild.append(stream, [newEvent('ContactNamed', { contactId: 'c2', name: 'Grace Hopper' })], 'no_stream');
      await oldBuild.close();
      const newBuild = await harness.open(contactSchemas);
      expect(namesOf(await newBuild.readStream(stream))).toEqual([{ contactId: 'c2', fullName: 'Grace Hopper', locale: 'und' }]);
      await newBuild.close();

      const oldAgain = await harness.open();
      try {
        expect(namesOf(await oldAgain.readStream(stream))).toEqual([{ contactId: 'c2', name: 'Grace Hopper' }]);
      } finally {
        await oldAgain.close();
      }
    }, SLOW_TEST_TIMEOUT_MS);

    it('given ContactNamed stored at v4 by a newer build, when a build at v3 reads it, then it is refused naming the version', async () => {
      const stream = `contact-${randomUUID()}`;
      const newerBuild = await harness.open();
      await newerBuild.append(stream, [newEvent('ContactNamed', { contactId: 'c3', fullName: 'Katherine Johnson' }, { metadata: { [SCHEMA_VERSION_KEY]: 4 } })], 'no_stream');
      await newerBuild.close();

      const build = await harness.open(contactSchemas);
      try {
        const refusal = await rejectionOf(build.readStream(stream));
        expect(refusal.code).toBe(EventStoreExceptionCode.UNKNOWN_SCHEMA_VERSION);
        expect(refusal.message).toContain('has schema version 4; this build knows ContactNamed up to version 3');
      } finally {
        await build.close();
      }
    }, SLOW_TEST_TIMEOUT_MS);
  });
};
