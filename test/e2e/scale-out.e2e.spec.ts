import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness } from './api-harness';

interface PipelineBody {
  byStage: { stage: string; count: number; amount: number }[];
}

const totalsOf = (pipeline: PipelineBody): { count: number; amount: number } =>
  pipeline.byStage.reduce((sum, stage) => ({ count: sum.count + stage.count, amount: sum.amount + stage.amount }), { count: 0, amount: 0 });

/** README, Scaling out: API processes sharing one SQLite store, each with its own read models. */
describe('two API processes on one SQLite store, each with its own read models', () => {
  let shared: string;
  let first: ApiHarness;
  let second: ApiHarness;

  beforeAll(async () => {
    shared = mkdtempSync(join(tmpdir(), 'crm-scale-out-'));
    first = await ApiHarness.start({ dataDirectory: shared, readModelsDirectory: join(shared, 'node-1') });
    second = await ApiHarness.start({ dataDirectory: shared, readModelsDirectory: join(shared, 'node-2') });
  });

  afterAll(async () => {
    await first?.api.close();
    await second?.api.close();
    rmSync(shared, { recursive: true, force: true });
  });

  const pipelineOf = async (api: ApiHarness): Promise<PipelineBody> => {
    // Each process's read models follow the shared log on their own; /health says when they reached its head.
    await api.untilProjectionsCaughtUp();
    const pipeline = await api.request<PipelineBody>('ana', 'GET', '/pipeline');
    expect(pipeline.status).toBe(200);
    return pipeline.body;
  };

  it('given deals opened and moved through both processes, when each has followed the log, then both read-model files hold the same rows', async () => {
    const opened = await Promise.all([
      first.openOpportunity('rita', { name: 'Opened on node 1', amount: 1_000 }),
      second.openOpportunity('raj', { name: 'Opened on node 2', amount: 2_500 }),
      second.openOpportunity('rita', { name: 'Rita on node 2', amount: 4_000 }),
    ]);
    // A record opened through one process is changed through the other.
    const changed = await first.request('raj', 'PATCH', `/records/opportunity/${opened[1]}`, { fields: { amount: 3_000 } });
    expect(changed.status).toBe(200);

    const [one, two] = [await pipelineOf(first), await pipelineOf(second)];
    expect(totalsOf(one)).toEqual({ count: 3, amount: 8_000 });
    expect(two.byStage).toEqual(one.byStage);
    expect(second.readModelDigests()).toEqual(first.readModelDigests());
    // Two files, one per process, and none in the shared data directory.
    expect(['node-1', 'node-2', '.'].map((folder) => existsSync(join(shared, folder, 'read-models.sqlite')))).toEqual([true, true, false]);
  });
});
