import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlueprint } from '@crm/blueprint';
import { parseCsv } from './csv-parser';
import { parseRecordMapping } from './import-mapping';
import { mapRow, type RowMapping } from './map-row';

const blueprint = parseBlueprint(readFileSync(join(__dirname, '..', '__fixtures__', 'opportunity.blueprint.yaml'), 'utf8'), 'opportunity.blueprint.yaml');

const header = 'id,agent,stage,engaged,proposed,closed,value,product,account,source';
const mapping = parseRecordMapping(
  `
id: id
owner: agent
openedAt: engaged
fields:
  product: { column: product, values: { GTXPro: GTX Pro } }
  account: account
  source: { column: source, values: { Web: web, Fair: trade_fair } }
stages:
  needs_analysis: engaged
  proposal: proposed
  closed_won: { enteredAt: closed, fields: { closeDate: closed } }
  closed_lost: closed
status:
  column: stage
  values: { Open: needs_analysis, Proposed: proposal, Won: closed_won, Lost: closed_lost }
wonAmount: close_value_is_not_here
`.replace('wonAmount: close_value_is_not_here', 'wonAmount: value'),
  'test.mapping.yaml',
  header.split(','),
  blueprint,
);

const map = (line: string): RowMapping => {
  const table = parseCsv(`${header}\n${line}\n`);
  return mapRow(mapping, blueprint, table.header, table.records[0]);
};

describe('mapping a CSV row to a record history', () => {
  it('given a won row, then it opens on the engage date and visits the dated stages before its status in blueprint order, the won amount set on winning', () => {
    expect(map('7,Ann,Won,2017-01-02,2017-02-03,2017-03-04T10:00:00Z,99.5,GTXPro,Acme,Web')).toEqual({
      ok: true,
      warnings: [],
      history: {
        recordId: '7',
        owner: 'Ann',
        openedAt: '2017-01-02T00:00:00.000Z',
        fields: { product: 'GTX Pro', account: 'Acme', source: 'web' },
        stages: [
          { stage: 'needs_analysis', enteredAt: '2017-01-02T00:00:00.000Z' },
          { stage: 'proposal', enteredAt: '2017-02-03T00:00:00.000Z' },
          { stage: 'closed_won', enteredAt: '2017-03-04T10:00:00Z', fields: { closeDate: '2017-03-04', amount: 99.5 } },
        ],
      },
    });
  });

  it('given a lost row without a proposal date, then the undated stage is not a visit and the won stage is not either', () => {
    const mapped = map('8,,Lost,2017-01-02,,2017-03-04,0,,,');
    expect(mapped).toMatchObject({ ok: true, history: { owner: null, fields: {} } });
    expect(mapped.ok && mapped.history.stages.map((visit) => visit.stage)).toEqual(['needs_analysis', 'closed_lost']);
  });

  it('given an open row, then later dated stages are ignored: the status says where the record is', () => {
    const mapped = map('9,Ann,Open,2017-01-02,2017-02-03,,,,Acme,');
    expect(mapped.ok && mapped.history.stages.map((visit) => visit.stage)).toEqual(['needs_analysis']);
  });

  it('given every kind of bad cell in one row, then every problem is listed', () => {
    expect(map('  ,Ann,Won,02/01/2017,,,lots,,')).toEqual({
      ok: false,
      recordId: null,
      problems: [
        'expected 10 cells, found 9',
        'id (the record id) is blank',
        'engaged "02/01/2017" is not a date or an ISO date-time with offset',
        'the record is in "closed_won" but closed (when it entered) is blank',
      ],
    });
  });

  it('given a day that does not exist, then the cell is refused as it is in the file and said once, though two parts of the history read it', () => {
    expect(map('7,Ann,Won,2017-01-02,2017-02-03,2017-02-30,99.5,GTXPro,Acme,Web')).toEqual({
      ok: false,
      recordId: '7',
      problems: ['closed "2017-02-30" is not a date or an ISO date-time with offset'],
    });
  });

  it('given bad cells with spaces or rewritten by the mapping\'s values, then each problem shows the cell as it is in the file, not after conversion', () => {
    const mapped = map('7,Ann,Won,2017-01-02,2017-02-03,2017-03-04, 99x ,GTXPro,Acme,Fair');
    expect(mapped).toEqual({
      ok: false,
      recordId: '7',
      problems: [
        'source "Fair": source: expected one of web, referral, event, outbound, partner, other, got "trade_fair"',
        'value " 99x " is not a number (field amount)',
      ],
    });
  });

  it('given a blank owner, a blank reference cell and mapped values the history does not take, then each is a warning naming its column', () => {
    const lost = map('8,,Lost,2017-01-02,2017-02-03,2017-03-04,0,,,');
    expect(lost.ok && lost.warnings).toEqual([
      { kind: 'blank_reference', column: 'account', message: 'account (field account, a reference to account) is blank: the record refers to no account' },
      { kind: 'blank_reference', column: 'agent', message: 'agent (the owner) is blank: the record is unowned' },
      { kind: 'dropped_column', column: 'value', message: "value (won amount (amount)) has a value this row's history does not use: not imported" },
    ]);

    const open = map('9,Ann,Open,2017-01-02,2017-02-03,,,,Acme,');
    expect(open.ok && open.warnings).toEqual([
      { kind: 'dropped_column', column: 'proposed', message: "proposed (entered proposal) has a value this row's history does not use: not imported" },
    ]);
  });
});
