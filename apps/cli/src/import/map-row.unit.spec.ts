import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlueprint } from '@crm/blueprint';
import { parseCsv } from './csv-parser';
import { parseRecordMapping } from './import-mapping';
import { mapRow, type RowMapping } from './map-row';

const blueprint = parseBlueprint(readFileSync(join(__dirname, '..', '__fixtures__', 'opportunity.blueprint.yaml'), 'utf8'), 'opportunity.blueprint.yaml');

const header = 'id,agent,stage,engaged,proposed,closed,value,product';
const mapping = parseRecordMapping(
  `
id: id
owner: agent
openedAt: engaged
fields: { product: { column: product, values: { GTXPro: GTX Pro } } }
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
    expect(map('7,Ann,Won,2017-01-02,2017-02-03,2017-03-04T10:00:00Z,99.5,GTXPro')).toEqual({
      ok: true,
      history: {
        recordId: '7',
        owner: 'Ann',
        openedAt: '2017-01-02T00:00:00.000Z',
        fields: { product: 'GTX Pro' },
        stages: [
          { stage: 'needs_analysis', enteredAt: '2017-01-02T00:00:00.000Z' },
          { stage: 'proposal', enteredAt: '2017-02-03T00:00:00.000Z' },
          { stage: 'closed_won', enteredAt: '2017-03-04T10:00:00Z', fields: { closeDate: '2017-03-04', amount: 99.5 } },
        ],
      },
    });
  });

  it('given a lost row without a proposal date, then the undated stage is not a visit and the won stage is not either', () => {
    const mapped = map('8,,Lost,2017-01-02,,2017-03-04,0,');
    expect(mapped).toMatchObject({ ok: true, history: { owner: null, fields: {} } });
    expect(mapped.ok && mapped.history.stages.map((visit) => visit.stage)).toEqual(['needs_analysis', 'closed_lost']);
  });

  it('given an open row, then later dated stages are ignored: the status says where the record is', () => {
    const mapped = map('9,Ann,Open,2017-01-02,2017-02-03,,,');
    expect(mapped.ok && mapped.history.stages.map((visit) => visit.stage)).toEqual(['needs_analysis']);
  });

  it('given every kind of bad cell in one row, then every problem is listed', () => {
    expect(map('  ,Ann,Won,02/01/2017,,,lots')).toEqual({
      ok: false,
      recordId: null,
      problems: [
        'expected 8 cells, found 7',
        'id (the record id) is blank',
        'engaged "02/01/2017" is not a date or an ISO date-time with offset',
        'the record is in "closed_won" but closed (when it entered) is blank',
      ],
    });
  });
});
