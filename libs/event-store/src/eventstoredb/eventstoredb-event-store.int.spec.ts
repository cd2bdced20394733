import { ManualClock, systemClock } from '@crm/clock';
import { describeEventStoreContract, describeSchemaEvolutionContract, newEvents, readAllAfter, SLOW_TEST_TIMEOUT_MS } from '../contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { WireLevelStandIn } from './stand-in/wire-level-stand-in';

// One stand-in for the file, as one server serves many clients; every test connects its own client.
let standIn: WireLevelStandIn;

beforeAll(async () => {
  standIn = await WireLevelStandIn.start();
  // The first bulk appends and reads run with a cold JIT (protobuf, gRPC, HTTP/2) at several times their
  // steady cost; one round here keeps that cost out of whichever contract test happens to run first.
  const warmUp = await EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock: systemClock });
  for (let round = 0; round < 3; round += 1) await warmUp.append(`warm-up-${round}`, newEvents(200), 'no_stream');
  await readAllAfter(warmUp, 'start');
  await warmUp.readStream('warm-up-0');
  await warmUp.close();
}, SLOW_TEST_TIMEOUT_MS);

afterAll(async () => {
  await standIn.stop();
});

describeEventStoreContract('eventstoredb (wire-level stand-in)', async () => {
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  const store = await EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock });
  return { store, clock, dispose: () => store.close() };
});

describeSchemaEvolutionContract('eventstoredb (wire-level stand-in)', async () => {
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  return {
    open: (schemas) => EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock, ...(schemas === undefined ? {} : { schemas }) }),
    // The stand-in outlives the test: it is the file's one server, stopped after all.
    dispose: async () => undefined,
  };
});
