import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { EventStoreDbEventStore } from '@crm/event-store';
import { PROBE_TIMEOUT_MS } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { countingProjection } from './__fixtures__/counting.projection';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionStatus } from './projection-status';
import { ReadModelDatabase } from './read-model-database';

const clock = new ManualClock('2026-05-01T10:00:00.000Z');

describe('projections on a database other tools write to', () => {
  it('given a binary event another tool wrote among ours, when the runner follows the log, then it reads past it and goes live with every event of ours', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'crm-foreign-'));
    const readModels = ReadModelDatabase.open({ directory });
    const standIn = await WireLevelStandIn.start();
    const store = await EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock });
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()], clock });
    try {
      await store.append('count-1', [{ id: randomUUID(), type: 'Counted', data: { amount: 1 } }], 'no_stream');
      standIn.log.append('legacy-1', { kind: 'any' }, [
        { id: randomUUID(), type: 'Counted', contentType: 'application/octet-stream', data: new Uint8Array([7, 7]), metadata: new Uint8Array() },
      ]);
      await store.append('count-1', [{ id: randomUUID(), type: 'Counted', data: { amount: 2 } }], 0);

      await runner.start();
      let status: ProjectionStatus | undefined;
      const deadline = Date.now() + PROBE_TIMEOUT_MS;
      while (!(status?.state === 'live' && status.lag === 0)) {
        if (status?.state === 'failed' || Date.now() > deadline) throw new Error(`the projection did not go live: ${JSON.stringify(status)}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        [status] = await runner.status();
      }

      expect(status.eventsApplied).toBe(2);
      expect(readModels.db.prepare('SELECT stream, events, total FROM counted_streams').all()).toEqual([{ stream: 'count-1', events: 2, total: 3 }]);
    } finally {
      await runner.stop();
      await store.close();
      await standIn.stop();
      readModels.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
