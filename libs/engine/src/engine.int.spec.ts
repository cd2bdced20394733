import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { BlueprintException } from '@crm/blueprint';
import { openAccess } from '@crm/workflow';
import { Engine } from './engine';

const repositoryBlueprints = join(__dirname, '..', '..', '..', 'blueprints');

describe('Engine.open', () => {
  let scratch: string;
  const clock = new ManualClock('2026-05-04T10:00:00.000Z');

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'crm-engine-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('given the default blueprints, when opened on an empty data directory, then publishes each kind once and reopens without new versions', async () => {
    const dataDirectory = join(scratch, 'data');
    const first = await Engine.open({ dataDirectory, blueprintsDirectory: repositoryBlueprints, clock, policy: openAccess });
    expect(first.store.kind).toBe('sqlite');
    expect(first.catalog.kinds()).toEqual(expect.arrayContaining(['lead', 'opportunity', 'quote']));
    const head = await first.store.headPosition();
    await first.close();

    const second = await Engine.open({ dataDirectory, blueprintsDirectory: repositoryBlueprints, clock, policy: openAccess });
    expect(await second.store.headPosition()).toEqual(head);
    await second.close();
  });

  it('given a broken blueprint file beside good ones, when opened, then the broken one is reported and skipped and the others load', async () => {
    const blueprintsDirectory = join(scratch, 'blueprints');
    cpSync(repositoryBlueprints, blueprintsDirectory, { recursive: true });
    writeFileSync(join(blueprintsDirectory, 'broken.blueprint.yaml'), 'kind: broken\nstages: [\n');

    const engine = await Engine.open({ dataDirectory: join(scratch, 'data'), blueprintsDirectory, clock, policy: openAccess });
    try {
      expect(engine.catalog.kinds()).toEqual(['account', 'contact', 'lead', 'opportunity', 'order', 'quote', 'subscription']);
      expect(engine.blueprintProblems).not.toHaveLength(0);
      expect(new Set(engine.blueprintProblems.map((problem) => problem.file))).toEqual(new Set([join(blueprintsDirectory, 'broken.blueprint.yaml')]));
    } finally {
      await engine.close();
    }
  });

  it('given a file changing a published version without a new number, when opened again, then that file is skipped with the version conflict at its path and the published version still governs', async () => {
    const dataDirectory = join(scratch, 'data');
    const blueprintsDirectory = join(scratch, 'blueprints');
    cpSync(repositoryBlueprints, blueprintsDirectory, { recursive: true });
    await (await Engine.open({ dataDirectory, blueprintsDirectory, clock, policy: openAccess })).close();
    const file = join(blueprintsDirectory, 'opportunity.blueprint.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('probability: 50', 'probability: 55'));

    const engine = await Engine.open({ dataDirectory, blueprintsDirectory, clock, policy: openAccess });
    try {
      expect(engine.blueprintProblems).toEqual([
        { file, path: 'version', message: 'blueprint opportunity v4 is already published with other content; give the change a new version number' },
      ]);
      expect(engine.catalog.latestForKind('opportunity').definition.stages.find((stage) => stage.id === 'proposal')?.probability).toBe(50);
    } finally {
      await engine.close();
    }
  });

  it('given a running engine, when a new version is published at runtime, then new records open under it at once; a broken source is refused with every problem and its path, and publishes nothing', async () => {
    const engine = await Engine.open({ dataDirectory: join(scratch, 'data'), blueprintsDirectory: repositoryBlueprints, clock, policy: openAccess });
    try {
      const source = readFileSync(join(repositoryBlueprints, 'lead.blueprint.yaml'), 'utf8').replace(/^version: \d+$/m, 'version: 5');
      const head = await engine.store.headPosition();
      const broken = engine.publishBlueprint(source.replace(/^version: 5$/m, 'version: 3').replace('initialStage: new', 'initialStage: nowhere'), { file: 'lead.blueprint.yaml', actor: 'olga' });
      await expect(broken).rejects.toThrow(BlueprintException);
      await expect(broken).rejects.toThrow(/initialStage/);
      expect(await engine.store.headPosition()).toEqual(head);

      const published = await engine.publishBlueprint(source, { file: 'lead.blueprint.yaml', actor: 'olga' });
      const opened = await engine.commands.execute({ type: 'OpenRecord', kind: 'lead', commandId: 'open-after-runtime-publish', actor: { id: 'rita', roles: ['rep'] }, fields: { name: 'Wile E.' } });

      expect(published.ref.version).toBe(5);
      expect(opened.record.status === 'none' ? null : opened.record.blueprint).toEqual(published.ref);
      await expect(engine.publishBlueprint(source.replace('title: Lead', 'title: Lead again'), { file: 'lead.blueprint.yaml', actor: 'olga' })).rejects.toThrow(
        /version: blueprint lead v5 is already published with other content/,
      );
    } finally {
      await engine.close();
    }
  });

  it('given eventstoredb without a connection string, when opened, then fails naming the missing setting', async () => {
    const opening = Engine.open({
      dataDirectory: join(scratch, 'data'),
      blueprintsDirectory: repositoryBlueprints,
      eventStore: { kind: 'eventstoredb' },
      clock,
      policy: openAccess,
    });
    await expect(opening).rejects.toThrow(/EVENTSTORE_CONNECTION_STRING/);
  });

  it('given two engines on one data directory, when one publishes a new blueprint version, then the other decides new records with it without a restart', async () => {
    const dataDirectory = join(scratch, 'data');
    const blueprintsDirectory = join(scratch, 'blueprints');
    cpSync(repositoryBlueprints, blueprintsDirectory, { recursive: true });
    const first = await Engine.open({ dataDirectory, blueprintsDirectory, clock, policy: openAccess });
    const second = await Engine.open({ dataDirectory, blueprintsDirectory, clock, policy: openAccess });
    try {
      const v1 = first.catalog.latestForKind('lead').definition;
      const published = await second.catalog.publish({ ...v1, version: v1.version + 1, title: 'Lead (next)' });

      await waitFor(() => first.catalog.latestForKind('lead').ref.version === v1.version + 1);
      const opened = await first.commands.execute({
        type: 'OpenRecord',
        kind: 'lead',
        commandId: 'open-after-publish',
        actor: { id: 'rita', roles: ['rep'] },
        fields: { name: 'Wile E.' },
      });
      expect(opened.record.status === 'none' ? null : opened.record.blueprint).toEqual(published.ref);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

/** Polls a condition the store's live delivery will make true; fails with the condition's text if it never does. */
const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let turn = 0; turn < 3_000 && !condition(); turn += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`never became true: ${condition.toString()}`);
};
