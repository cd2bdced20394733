import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { crmProjections } from '@crm/projections';
import { dealBlueprint, generateHistory } from '@crm/projections/testing';
import { BlueprintCatalog, openAccess, RecordCommandHandler } from '@crm/workflow';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';

const digestLine = (text: string): string | undefined => text.split('\n').find((line) => line.startsWith('digest: sha256:'));

describe('crm projections, replay and audit funnel on a generated history', () => {
  const clock = new ManualClock('2016-01-04T08:00:00.000Z');
  let root: string;
  let dataDir: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-commands-'));
    dataDir = join(root, 'data');
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    await generateHistory(new RecordCommandHandler(store, catalog, { clock, policy: openAccess }), catalog, clock, {
      seed: 7,
      liveRecords: 60,
      importedRecords: 30,
      owners: 6,
      start: '2016-01-04T09:00:00.000Z',
      days: 600,
    });
    await store.close();
  }, scaledTimeout(30_000));

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('given a store whose read models were never built, then status says not installed with the whole history as lag; after run, every projection has lag 0', async () => {
    const before = await crm('projections');
    expect(before.exitCode).toBe(0);
    const versionOf = (name: string): number => crmProjections().find((projection) => projection.name === name)?.version ?? 0;
    expect(before.out).toMatch(new RegExp(`^funnel\\s+${versionOf('funnel')}\\s+-\\s+not_installed\\s+-\\s+0\\s+[1-9][\\d,]*`, 'm'));

    const run = await crm('projections', 'run', '--batch-size', '100');
    expect(run.exitCode).toBe(0);
    expect(run.out).toMatch(/^records: [\d,]+ events applied$/m);
    expect(run.err).toContain('catching up [');

    const after = await crm('projections', 'status');
    for (const { name, version } of crmProjections()) {
      expect(after.out).toMatch(new RegExp(`^${name}\\s+${version}\\s+${version}\\s+stopped\\s+C:\\d+/P:\\d+\\s+[\\d,]+\\s+0\\s`, 'm'));
    }
  });

  it('given built read models, when replayed into a scratch directory, then every digest is printed and equals the live model', async () => {
    const replay = await crm('replay');
    expect(replay.exitCode).toBe(0);
    const rows = replay.out.split('\n').filter((line) => /^(records|pipeline|forecast|funnel)\s/.test(line));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/sha256:[0-9a-f]{64}\s+same$/);
  });

  it('given a consistent store, when the funnel is audited twice, then it exits 0 both times with the same digest', async () => {
    const first = await crm('audit', 'funnel', '--from', '2016-01-01', '--to', '2018-01-01');
    const second = await crm('audit', 'funnel', '--from', '2016-01-01', '--to', '2018-01-01');
    const byOwner = await crm('audit', 'funnel', '--from', '2016-01-01', '--to', '2017-01-01', '--as-of', '2016-12-31', '--by', 'owner');

    expect([first.exitCode, second.exitCode, byOwner.exitCode]).toEqual([0, 0, 0]);
    expect(first.out).toContain('funnel opportunity: opened 2016-01-01T00:00:00.000Z');
    expect(first.out).toMatch(/^all\s+qualification\s+\d+/m);
    expect(digestLine(first.out)).toMatch(/^digest: sha256:[0-9a-f]{64}$/);
    expect(digestLine(second.out)).toBe(digestLine(first.out));
    expect(digestLine(byOwner.out)).not.toBe(digestLine(first.out));
    expect(byOwner.out).toMatch(/^owner-0\d\s+proposal\s/m);
  });

  it('given a rebuild of the funnel, then progress goes to stderr and the rebuilt digest equals the replayed one', async () => {
    const replay = await crm('replay');
    const rebuilt = await crm('projections', 'rebuild', 'funnel', '--batch-size', '50', '--as', 'ana');
    expect(rebuilt.exitCode).toBe(0);
    expect(rebuilt.err.split('\n').filter((line) => /^funnel\s+rebuilding\s+\[/.test(line)).length).toBeGreaterThan(2);
    const digest = /digest (sha256:[0-9a-f]{64})/.exec(rebuilt.out)?.[1];
    expect(replay.out).toMatch(new RegExp(`^funnel\\s.*${digest}\\s+same$`, 'm'));
  });

  it('given a tampered funnel row, when audited, then it exits 1 and names the difference; after a rebuild it is consistent again', async () => {
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    db.prepare("UPDATE funnel_visits SET stage = 'negotiation' WHERE visit_no = 2 AND stage = 'proposal' AND rowid = (SELECT min(rowid) FROM funnel_visits WHERE visit_no = 2 AND stage = 'proposal')").run();
    db.close();

    const tampered = await crm('audit', 'funnel', '--from', '2016-01-01', '--to', '2018-01-01');
    expect(tampered.exitCode).toBe(1);
    expect(tampered.err).toContain('difference(s) between the live funnel and the replayed history');
    expect(tampered.err).toContain('table funnel_visits: live rows differ from the replayed rows');
    expect((await crm('replay')).exitCode).toBe(1);

    expect((await crm('projections', 'rebuild', 'funnel', '--as', 'ana')).exitCode).toBe(0);
    expect((await crm('audit', 'funnel', '--from', '2016-01-01', '--to', '2018-01-01')).exitCode).toBe(0);
  });

  it('given built read models, then pipeline and forecast reports, a quota, snapshots and accuracy are printed as of a date', async () => {
    const pipeline = await crm('report', 'pipeline', '--as-of', '2016-09-30', '--by', 'owner');
    expect(pipeline.exitCode).toBe(0);
    expect(pipeline.out).toContain('pipeline of opportunity as of 2016-09-30T23:59:59.999Z');
    expect(pipeline.out).toMatch(/^qualification\s+owner-0\d\s+\d+/m);

    expect((await crm('quota', 'set', '--scope', 'owner', '--name', 'owner-01', '--period', '2016-Q3', '--amount', '50000', '--as', 'ada')).exitCode).toBe(0);
    const forecast = await crm('report', 'forecast', '--as-of', '2016-09-30', '--by', 'owner', '--from', '2016-Q3', '--to', '2016-Q3');
    expect(forecast.exitCode).toBe(0);
    expect(forecast.out).toMatch(/^2016-Q3\s+owner-01\s.*50,000\.00\s+\d+\.\d%$/m);

    clock.set('2017-01-15T00:00:00.000Z');
    const snapshots = await crm('forecast', 'snapshot', '--since', '2016-Q3', '--as', 'max');
    expect(snapshots.out.split('\n').filter((line) => line.includes(': taken at 2017-01-15'))).toHaveLength(3);
    const accuracy = await crm('forecast', 'accuracy', '--to', '2016-Q4');
    expect(accuracy.exitCode).toBe(0);
    expect(accuracy.out).toMatch(/^2016-Q3\s+total\s+2017-01-15T00:00:00.000Z\s/m);
    expect(accuracy.out).toContain('no snapshot at the start of: 2016-Q2 ');
  });

  it.each([
    [[], 2, 'usage: crm <command>'],
    [['nope'], 2, 'unknown command "nope'],
    [['audit', 'funnel', '--from', '2016-01-01'], 2, '--to is required'],
    [['projections', 'rebuild', 'nope'], 2, 'no projection "nope"'],
    [['replay', '--bogus'], 2, "Unknown option '--bogus'"],
    [['projections', 'run', '--batch-size', '0'], 2, '--batch-size must be a whole number ≥ 1'],
    [['audit', 'funnel', '--from', 'soon', '--to', '2017-01-01'], 1, 'INVALID_QUERY: "soon" is not a date'],
  ])('given the command line %j, then it exits %i and says why', async (args, exitCode, message) => {
    const io = capturedIo(root, clock);
    expect(await runCli([...args, ...(args.length > 0 ? ['--data-dir', dataDir] : [])], io)).toBe(exitCode);
    expect(io.err()).toContain(message);
  });

  it('given --help, then the command usage is printed and it exits 0; given an empty data dir, then it exits 1', async () => {
    const help = await crm('audit', 'funnel', '--help');
    expect(help.exitCode).toBe(0);
    expect(help.out).toContain('usage: crm audit funnel --from <date> --to <date>');
    const io = capturedIo(root, clock);
    expect(await runCli(['projections', '--data-dir', join(root, 'empty')], io)).toBe(1);
    expect(io.err()).toContain('no event store in');
  });
});
