import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { ReadModelDatabase } from '@crm/projection-runtime';
import { listRecords, regionsByOwner, teamsByOwner } from '@crm/projections';
import { capturedIo, cliWorkspace } from '../__fixtures__/captured-io';
import { runCli } from '../main';

const pipelineCsv = [
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value',
  'OK-1,Ann Agent,GTXPro,Acme,Won,2017-01-05,2017-03-01,1054.5',
  'OK-2,Bob Agent,MG Special,,Lost,2017-01-10,2017-02-01,0',
  'OK-3,Ann Agent,GTX Basic,Globex,Engaging,2017-02-01,,',
  'OK-4,Cy Agent,"GTX Basic, refurbished",Globex,Prospecting,2017-02-03,,',
  ',Ann Agent,GTX Basic,Acme,Won,2017-01-05,2017-03-01,10',
  'BAD-2,Ann Agent,GTX Basic,Acme,Stalled,2017-01-05,,',
  'BAD-3,Ann Agent,GTX Basic,Acme,Won,2017-01-05,2017-03-01,ten',
  'BAD-4,Ann Agent,GTX Basic,Acme,Won,2017-03-05,2017-01-01,10',
  'OK-1,Bob Agent,GTX Basic,Acme,Engaging,2017-01-05,,',
  'BAD-6,Ann Agent,GTX Basic,Acme,Prospecting,,,',
  'BAD-7,Ann Agent,GTX Basic,Acme,Won,2017-01-05,,10',
  'BAD-8,Ann Agent,GTX Basic,Acme,Won,2017-01-05,2017-02-30,10',
  '',
].join('\r\n');

const mapping = `
kind: opportunity
id: opportunity_id
owner: sales_agent
openedAt: engage_date
fields:
  name: opportunity_id
  account: account
  product: { column: product, values: { GTXPro: GTX Pro } }
stages:
  needs_analysis: engage_date
  closed_won: { enteredAt: close_date, fields: { closeDate: close_date } }
  closed_lost: { enteredAt: close_date, fields: { closeDate: close_date } }
status:
  column: deal_stage
  values: { Prospecting: qualification, Engaging: needs_analysis, Won: closed_won, Lost: closed_lost }
wonAmount: { column: close_value, field: amount }
`;

const expectedRejections: [number, string][] = [
  [6, 'opportunity_id (the record id) is blank'],
  [7, 'deal_stage "Stalled" is not mapped to a stage'],
  [8, 'close_value "ten" is not a number (field amount)'],
  [9, 'stages[1].enteredAt: 2017-01-01T00:00:00.000Z is before the previous step'],
  [10, 'record id "OK-1" was already used by row 2'],
  [11, 'engage_date (when the record was opened) is blank'],
  [12, 'the record is in "closed_won" but close_date (when it entered) is blank'],
  [13, 'close_date "2017-02-30" is not a date or an ISO date-time with offset'],
];

describe('crm import', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let workspace: ReturnType<typeof cliWorkspace>;
  let csvFile: string;
  let mappingFile: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(workspace.root, clock, { CRM_USER: 'ada' });
    const exitCode = await runCli([...args, '--data-dir', workspace.dataDir, '--blueprints', workspace.blueprintsDir], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  const recordEvents = async () => {
    const store = await SqliteEventStore.open({ directory: workspace.dataDir, clock });
    try {
      return await store.readAll({ filter: { streamPrefixes: ['opportunity-'] }, maxCount: 10_000 });
    } finally {
      await store.close();
    }
  };

  beforeEach(async () => {
    workspace = cliWorkspace();
    csvFile = join(workspace.root, 'pipeline.csv');
    mappingFile = join(workspace.root, 'pipeline.mapping.yaml');
    writeFileSync(csvFile, pipelineCsv);
    writeFileSync(mappingFile, mapping);
    // The accounts the deals name: a reference to a record that does not exist is refused on every write path.
    for (const account of ['Acme', 'Globex']) expect((await crm('record', 'open', 'account', '--id', account, '--field', `name=${account} Inc.`)).exitCode).toBe(0);
  });

  afterEach(() => rmSync(workspace.root, { recursive: true, force: true }));

  it('given a row naming an account that does not exist, when imported, then the row is reported with the field and stored nothing', async () => {
    writeFileSync(csvFile, [pipelineCsv.split('\r\n')[0], 'NEW-1,Ann Agent,GTXPro,Initech,Engaging,2017-01-05,,', ''].join('\r\n'));
    const result = await crm('import', 'opportunity', '--file', 'pipeline.csv', '--map', 'pipeline.mapping.yaml', '--on-error', 'skip');
    expect(result.err).toMatch(/^row 2 \(NEW-1\): .*account: no account "Initech"/m);
    expect(await recordEvents()).toEqual([]);
  });

  it('given a CSV with bad rows and --on-error skip, when imported, then each bad row is reported with its row number and reason, nothing is stored for it, and the good rows keep their business times marked as imported', async () => {
    const result = await crm('import', 'opportunity', '--file', 'pipeline.csv', '--map', 'pipeline.mapping.yaml', '--on-error', 'skip');

    expect(result.exitCode).toBe(0);
    expect(result.out).toContain('imported 4 of 12 rows as opportunity');
    expect(result.out).toContain('8 rows rejected (skipped)');
    const reported = result.err.split('\n').filter((line) => line.startsWith('row '));
    expect(reported).toHaveLength(expectedRejections.length);
    expectedRejections.forEach(([row, reason], index) => {
      expect(reported[index]).toMatch(new RegExp(`^row ${row}\\b`));
      expect(reported[index]).toContain(reason);
    });

    const events = await recordEvents();
    expect([...new Set(events.map((event) => event.stream))].sort()).toEqual(['opportunity-OK-1', 'opportunity-OK-2', 'opportunity-OK-3', 'opportunity-OK-4']);
    const won = events.filter((event) => event.stream === 'opportunity-OK-1');
    expect(won.map((event) => [event.type, event.occurredAt])).toEqual([
      ['RecordOpened', '2017-01-05T00:00:00.000Z'],
      ['Transitioned', '2017-01-05T00:00:00.000Z'],
      ['FieldsChanged', '2017-03-01T00:00:00.000Z'],
      ['StageRecorded', '2017-03-01T00:00:00.000Z'],
    ]);
    expect(won[0].data['fields']).toEqual({ name: 'OK-1', account: 'Acme', product: 'GTX Pro' });
    expect(won[0].data['owner']).toBe('Ann Agent');
    expect(won[2].data['changes']).toEqual({ closeDate: { from: null, to: '2017-03-01' }, amount: { from: null, to: 1054.5 } });
    expect(events.every((event) => event.metadata['imported'] === true && String(event.metadata['importSource']).startsWith('pipeline.csv#row '))).toBe(true);
    expect(new Set(events.map((event) => JSON.stringify([event.metadata['actor'], event.metadata['origin']])))).toEqual(
      new Set([JSON.stringify(['ada', { via: 'cli', osUser: userInfo().username }])]),
    );
    expect(events.find((event) => event.stream === 'opportunity-OK-2' && event.type === 'StageRecorded' && event.data['to'] === 'closed_lost')).toBeDefined();
  });

  it('given an imported file, when it is imported again, then nothing new is stored', async () => {
    await crm('import', 'opportunity', '--file', csvFile, '--map', mappingFile, '--on-error', 'skip');
    const before = await recordEvents();

    const again = await crm('import', 'opportunity', '--file', csvFile, '--map', mappingFile, '--on-error', 'skip');

    expect(again.exitCode).toBe(0);
    expect(again.out).toContain('stored nothing');
    expect(again.out).toContain('4 already imported');
    expect((await recordEvents()).map((event) => event.id)).toEqual(before.map((event) => event.id));
  });

  it('given bad rows and --on-error fail, when imported, then the import is refused, every bad row is reported, and no record is stored at all', async () => {
    const result = await crm('import', 'opportunity', '--file', csvFile, '--map', mappingFile, '--on-error', 'fail');

    expect(result.exitCode).toBe(1);
    expect(result.out).toContain('stored nothing');
    expect(result.err.split('\n').filter((line) => line.startsWith('row '))).toHaveLength(expectedRejections.length);
    expect(await recordEvents()).toEqual([]);
  });

  it('given only good rows and --on-error fail, when imported and projected, then the records read model lists them in their imported stages', async () => {
    const good = pipelineCsv.split('\r\n').slice(0, 5).join('\n');
    writeFileSync(csvFile, good);
    expect((await crm('import', 'opportunity', '--file', csvFile, '--map', mappingFile)).exitCode).toBe(0);
    expect((await crm('projections', 'run')).exitCode).toBe(0);

    const readModels = ReadModelDatabase.open({ directory: workspace.dataDir });
    try {
      const page = listRecords(readModels.db, { kind: 'opportunity' });
      expect(page.items.map((item) => [item.recordId, item.stage])).toEqual([
        ['OK-1', 'closed_won'],
        ['OK-2', 'closed_lost'],
        ['OK-3', 'needs_analysis'],
        ['OK-4', 'qualification'],
      ]);
      expect(listRecords(readModels.db, { kind: 'opportunity', asOf: '2017-01-20' }).items.map((item) => [item.recordId, item.stage])).toEqual([
        ['OK-1', 'needs_analysis'],
        ['OK-2', 'needs_analysis'],
      ]);
    } finally {
      readModels.close();
    }
  });

  it('given a mapping that names a missing column, an unknown field and an unknown stage, then every problem is named and nothing is stored', async () => {
    writeFileSync(mappingFile, mapping.replace('account: account', 'acount: acount').replace('needs_analysis: engage_date', 'needs_analisys: engage_date'));
    const result = await crm('import', 'opportunity', '--file', csvFile, '--map', mappingFile);
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain('fields.acount: the opportunity blueprint has no field "acount"');
    expect(result.err).toContain('fields.acount: no column "acount" in the file');
    expect(result.err).toContain('stages.needs_analisys: the opportunity blueprint has no stage "needs_analisys"');
    expect(await recordEvents()).toEqual([]);
  });

  describe('conformance with the blueprint', () => {
    const dealsCsv = ['id,owner,opened,analyzed,won_on,amount', 'D-1,rita,2017-01-05,,2017-03-01,', 'D-2,raj,2017-01-06,2017-01-20,,', ''].join('\n');
    const dealsMapping = `
id: id
owner: owner
openedAt: opened
fields: { name: id, amount: amount }
stages:
  needs_analysis: analyzed
  closed_won: { enteredAt: won_on, fields: { closeDate: won_on } }
`;

    beforeEach(() => {
      writeFileSync(join(workspace.root, 'deals.csv'), dealsCsv);
      writeFileSync(join(workspace.root, 'deals.mapping.yaml'), dealsMapping);
    });

    const reportOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

    it('given a deal that went from qualification to closed won without an amount, when imported, then it is stored as StageRecorded naming the unmet amount criterion and the report counts it per rule with its row', async () => {
      const result = await crm('import', 'opportunity', '--file', 'deals.csv', '--map', 'deals.mapping.yaml');

      expect(result.exitCode).toBe(0);
      const events = await recordEvents();
      const moves = events.filter((event) => event.type === 'Transitioned' || event.type === 'StageRecorded');
      expect(moves.map((event) => [event.stream, event.type, event.data['from'], event.data['to']])).toEqual([
        ['opportunity-D-1', 'StageRecorded', 'qualification', 'closed_won'],
        ['opportunity-D-2', 'Transitioned', 'qualification', 'needs_analysis'],
      ]);
      expect(moves[0].data['unmet']).toEqual([
        expect.objectContaining({ event: 'close_won', criterion: 'stage' }),
        expect.objectContaining({ event: 'close_won', criterion: 'required_field', field: 'amount' }),
      ]);
      expect(moves[1].data['event']).toBe('analyze_needs');

      expect(result.out).toContain('conformance: 1 of 2 records break blueprint rules (stored as StageRecorded, not as transitions)');
      expect(result.out).toMatch(/close_won +stage +close_won is possible only from contract_approval +1 +2\n/);
      expect(result.out).toMatch(/close_won +required_field amount +Amount is required +1 +2\n/);
      const reportFile = join(workspace.root, 'deals.import-report.json');
      expect(result.out).toContain(`report: ${reportFile}`);
      expect(reportOf(reportFile)).toMatchObject({
        stored: true,
        imported: 2,
        conformance: {
          records: 2,
          nonConforming: 1,
          rules: [
            { event: 'close_won', criterion: 'stage', rule: 'close_won is possible only from contract_approval', records: 1, sampleRows: [2] },
            { event: 'close_won', criterion: 'required_field', field: 'amount', rule: 'Amount is required', records: 1, sampleRows: [2] },
          ],
        },
        warnings: [],
      });
    });

    it('given a non-conforming row and --strict, when imported, then the whole file is refused with exit 4, nothing is stored, and the report is written where --report says', async () => {
      const result = await crm('import', 'opportunity', '--file', 'deals.csv', '--map', 'deals.mapping.yaml', '--strict', '--report', 'out/check.json');

      expect(result.exitCode).toBe(4);
      expect(result.out).toContain('stored nothing');
      expect(result.err).toContain('--strict: 1 record breaks blueprint rules; the file is refused');
      expect(await recordEvents()).toEqual([]);
      expect(reportOf(join(workspace.root, 'out', 'check.json'))).toMatchObject({ stored: false, strict: true, conformance: { nonConforming: 1 } });
    });

    it('given the file imported already, when imported again, then nothing is stored and the report still counts what the file breaks', async () => {
      await crm('import', 'opportunity', '--file', 'deals.csv', '--map', 'deals.mapping.yaml');
      const before = await recordEvents();

      const again = await crm('import', 'opportunity', '--file', 'deals.csv', '--map', 'deals.mapping.yaml');

      expect(again.exitCode).toBe(0);
      expect(again.out).toContain('stored nothing: 2 rows checked; 2 already imported');
      expect(again.out).toContain('conformance: 1 of 2 records break blueprint rules');
      expect((await recordEvents()).map((event) => event.id)).toEqual(before.map((event) => event.id));
    });

    it('given a history that conforms, when imported with --strict, then it is stored', async () => {
      writeFileSync(join(workspace.root, 'deals.csv'), dealsCsv.split('\n').filter((line) => !line.startsWith('D-1')).join('\n'));
      const result = await crm('import', 'opportunity', '--file', 'deals.csv', '--map', 'deals.mapping.yaml', '--strict');

      expect(result.exitCode).toBe(0);
      expect(result.out).toContain('conformance: every record follows the blueprint');
      expect((await recordEvents()).map((event) => event.type)).toEqual(['RecordOpened', 'Transitioned']);
    });
  });

  describe('warnings', () => {
    it('given owners missing from the users file, a blank reference cell and a mapped column whose value is dropped, when imported, then each is a counted warning with sample rows', async () => {
      const good = pipelineCsv.split('\r\n').slice(0, 5).join('\n');
      writeFileSync(csvFile, good);

      const result = await crm('import', 'opportunity', '--file', csvFile, '--map', mappingFile);

      expect(result.exitCode).toBe(0);
      expect(result.out).toContain('warnings: 6 (4 rows; errors with --strict)');
      expect(JSON.parse(readFileSync(join(workspace.root, 'pipeline.import-report.json'), 'utf8')).warnings).toEqual([
        { kind: 'unknown_owner', column: 'sales_agent', message: 'sales_agent "Ann Agent" (the owner) is not a user of the users file', rows: 2, sampleRows: [2, 4] },
        { kind: 'unknown_owner', column: 'sales_agent', message: 'sales_agent "Bob Agent" (the owner) is not a user of the users file', rows: 1, sampleRows: [3] },
        { kind: 'unknown_owner', column: 'sales_agent', message: 'sales_agent "Cy Agent" (the owner) is not a user of the users file', rows: 1, sampleRows: [5] },
        { kind: 'blank_reference', column: 'account', message: 'account (field account, a reference to account) is blank: the record refers to no account', rows: 1, sampleRows: [3] },
        { kind: 'dropped_column', column: 'close_value', message: "close_value (won amount (amount)) has a value this row's history does not use: not imported", rows: 1, sampleRows: [3] },
      ]);
      expect(result.out).toMatch(/unknown_owner +sales_agent "Ann Agent" \(the owner\) is not a user of the users file +2 +2, 4\n/);
    });

    it('given the same warnings and --strict, when imported, then they are errors: exit 4 and nothing is stored', async () => {
      const good = pipelineCsv.split('\r\n').slice(0, 5).join('\n');
      writeFileSync(csvFile, good);

      const result = await crm('import', 'opportunity', '--file', csvFile, '--map', mappingFile, '--strict');

      expect(result.exitCode).toBe(4);
      expect(result.err).toContain('--strict: 2 records break blueprint rules and 6 warnings; the file is refused, nothing is stored');
      expect(await recordEvents()).toEqual([]);
    });
  });

  it('given an owners CSV with a row lacking its team, when imported with skip, then the row is reported and the others are owner → team data', async () => {
    writeFileSync(join(workspace.root, 'teams.csv'), 'sales_agent,manager,regional_office\nAnn Agent,Mia,West\nBob Agent,Mia,\nCy Agent,Raj,East\n');
    writeFileSync(join(workspace.root, 'teams.yaml'), 'owner: sales_agent\nteam: regional_office\nmanager: manager\n');
    const result = await crm('import', 'owners', '--file', 'teams.csv', '--map', 'teams.yaml', '--on-error', 'skip');
    expect(result.exitCode).toBe(0);
    expect(result.err).toContain('row 3: regional_office (the team) is blank');
    expect(result.out).toContain('owners: 2 added');
    const readModels = ReadModelDatabase.open({ directory: workspace.dataDir });
    try {
      expect([...teamsByOwner(readModels.db).entries()].sort()).toEqual([
        ['Ann Agent', 'West'],
        ['Cy Agent', 'East'],
      ]);
    } finally {
      readModels.close();
    }
  });

  it('given an owners CSV with a region column mapped, when imported and imported again with a region changed, then each owner has the region of the last import', async () => {
    writeFileSync(join(workspace.root, 'regions.csv'), 'sales_agent,regional_office,area\nAnn Agent,West,pacific\nCy Agent,East,\n');
    writeFileSync(join(workspace.root, 'regions.yaml'), 'owner: sales_agent\nteam: regional_office\nregion: area\n');
    expect((await crm('import', 'owners', '--file', 'regions.csv', '--map', 'regions.yaml')).exitCode).toBe(0);
    writeFileSync(join(workspace.root, 'regions.csv'), 'sales_agent,regional_office,area\nAnn Agent,West,mountain\nCy Agent,East,\n');
    const again = await crm('import', 'owners', '--file', 'regions.csv', '--map', 'regions.yaml');
    expect(again.exitCode).toBe(0);
    expect(again.out).toContain('1 changed');
    const readModels = ReadModelDatabase.open({ directory: workspace.dataDir });
    try {
      expect([...regionsByOwner(readModels.db).entries()]).toEqual([['Ann Agent', 'mountain']]);
    } finally {
      readModels.close();
    }
  });

  it('given the example Maven mapping, then it is valid for the shipped-like opportunity blueprint', async () => {
    const example = readFileSync(join(__dirname, '..', '..', 'examples', 'maven-crm.mapping.yaml'), 'utf8');
    writeFileSync(mappingFile, example);
    const result = await crm('import', 'opportunity', '--file', csvFile, '--map', mappingFile, '--dry-run', '--on-error', 'skip');
    expect(result.exitCode).toBe(0);
    expect(result.out).toContain('stored nothing: 12 rows checked');
  });
});
