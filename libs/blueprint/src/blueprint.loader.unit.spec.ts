import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlueprintException, BlueprintExceptionCode } from './blueprint.exception';
import { loadBlueprintDirectory, loadBlueprintFile } from './blueprint.loader';
import { dealBlueprint, fixturePath, readFixture } from './__fixtures__/deal-blueprint';

const thrownBy = (run: () => unknown): BlueprintException => {
  try {
    run();
  } catch (error) {
    if (error instanceof BlueprintException) return error;
    throw error;
  }
  throw new Error('expected a BlueprintException');
};

describe('loadBlueprintFile', () => {
  it('given a valid file, when loaded, then the definition comes back', async () => {
    const definition = loadBlueprintFile(fixturePath('opportunity.blueprint.yaml'));

    expect(definition).toMatchObject({ id: 'opportunity', version: 1, initialStage: 'qualification' });
  });

  it('given an invalid file, when loaded, then the problems name the file as given', async () => {
    const file = fixturePath('every-mistake.blueprint.yaml');

    const error = thrownBy(() => loadBlueprintFile(file));

    expect(error.code).toBe(BlueprintExceptionCode.INVALID_BLUEPRINT);
    expect(error.details.problems.every((problem) => problem.file === file)).toBe(true);
    expect(error.details.problems).toHaveLength(7);
  });

  it('given a missing file, when loaded, then BLUEPRINT_NOT_FOUND names it', async () => {
    const error = thrownBy(() => loadBlueprintFile(fixturePath('nowhere.blueprint.yaml')));

    expect(error.code).toBe(BlueprintExceptionCode.BLUEPRINT_NOT_FOUND);
    expect(error.message).toContain('nowhere.blueprint.yaml: cannot read the blueprint file (ENOENT)');
  });
});

describe('loadBlueprintDirectory', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'blueprints-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const given = async (files: Record<string, string>): Promise<void> => {
    await Promise.all(Object.entries(files).map(([name, source]) => writeFile(join(directory, name), source)));
  };

  it('given valid blueprints and other files, when loaded, then every blueprint comes back sorted by id and version', async () => {
    await given({
      'opportunity.blueprint.yaml': readFixture('opportunity.blueprint.yaml'),
      'deal-v2.blueprint.yaml': dealBlueprint({ top: { version: 2 } }),
      'deal.blueprint.yaml': dealBlueprint(),
      'README.md': '# not a blueprint',
      'draft.yaml': 'not: a blueprint file name',
    });

    const definitions = loadBlueprintDirectory(directory);

    expect(definitions.map((definition) => `${definition.id}@${definition.version}`)).toEqual([
      'deal@1',
      'deal@2',
      'opportunity@1',
    ]);
  });

  it('given several broken files, when loaded, then one exception lists the problems of all of them', async () => {
    await given({
      'a.blueprint.yaml': dealBlueprint({ top: { id: 'a', kind: 'a', initialStage: 'nowhere' } }),
      'b.blueprint.yaml': 'id: b\nversion: [\n',
      'c.blueprint.yaml': dealBlueprint({ top: { id: 'c', kind: 'c' } }),
    });

    const error = thrownBy(() => loadBlueprintDirectory(directory));

    expect(error.code).toBe(BlueprintExceptionCode.INVALID_BLUEPRINT);
    expect(error.details.problems.map((problem) => problem.file)).toEqual(
      expect.arrayContaining([join(directory, 'a.blueprint.yaml'), join(directory, 'b.blueprint.yaml')]),
    );
    expect(error.details.problems.some((problem) => problem.file.endsWith('c.blueprint.yaml'))).toBe(false);
    expect(error.message).toContain(`${join(directory, 'a.blueprint.yaml')}: initialStage: unknown stage "nowhere"`);
  });

  it('given two files with the same id and version, when loaded, then the second is rejected', async () => {
    await given({
      'deal.blueprint.yaml': dealBlueprint(),
      'deal-copy.blueprint.yaml': dealBlueprint({ top: { title: 'Changed' } }),
    });

    const error = thrownBy(() => loadBlueprintDirectory(directory));

    expect(error.details.problems).toEqual([
      {
        file: join(directory, 'deal.blueprint.yaml'),
        path: 'version',
        message: `blueprint "deal" version 1 is also declared in ${join(directory, 'deal-copy.blueprint.yaml')}; give the change a higher version`,
        line: 2,
        column: 1,
      },
    ]);
  });

  it('given two blueprints for one record kind, when loaded, then the second is rejected', async () => {
    await given({
      'deal.blueprint.yaml': dealBlueprint(),
      'other.blueprint.yaml': dealBlueprint({ top: { id: 'other' } }),
    });

    const error = thrownBy(() => loadBlueprintDirectory(directory));

    expect(error.details.problems.map((problem) => problem.message)).toEqual([
      `record kind "deal" is already governed by blueprint "deal" (${join(directory, 'deal.blueprint.yaml')}); one blueprint per kind`,
    ]);
  });

  it('given a directory without blueprints, when loaded, then BLUEPRINT_NOT_FOUND says so', async () => {
    const error = thrownBy(() => loadBlueprintDirectory(directory));

    expect(error.code).toBe(BlueprintExceptionCode.BLUEPRINT_NOT_FOUND);
    expect(error.message).toBe(`${directory}: no *.blueprint.yaml files in the directory`);
  });

  it('given a missing directory, when loaded, then BLUEPRINT_NOT_FOUND names it', async () => {
    const error = thrownBy(() => loadBlueprintDirectory(join(directory, 'missing')));

    expect(error.code).toBe(BlueprintExceptionCode.BLUEPRINT_NOT_FOUND);
  });
});
