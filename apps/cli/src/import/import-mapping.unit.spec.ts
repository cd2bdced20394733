import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlueprint } from '@crm/blueprint';
import { CliException } from '../cli.exception';
import { parseRecordMapping } from './import-mapping';

const blueprint = parseBlueprint(readFileSync(join(__dirname, '..', '__fixtures__', 'opportunity.blueprint.yaml'), 'utf8'), 'opportunity.blueprint.yaml');
const header = ['id', 'engaged'];

const problemsOf = (source: string): unknown => {
  try {
    parseRecordMapping(source, 'test.mapping.yaml', header, blueprint);
  } catch (error) {
    if (error instanceof CliException) return error.details['problems'];
    throw error;
  }
  return [];
};

describe('reading a record mapping', () => {
  it.each(['2017-02-30', '2017-02-03T25:00:00Z', '2017-02-03T10:00:00'])('given an opening default %s that is no day or instant, then the mapping is refused naming it', (fallback) => {
    expect(problemsOf(`id: id\nopenedAt: { column: engaged, default: "${fallback}" }\n`)).toEqual([
      'openedAt.default: expected a date (YYYY-MM-DD) or an ISO date-time with offset',
    ]);
  });

  it.each(['2017-02-28', '2017-02-28T10:00:00+01:00'])('given an opening default %s, then the mapping is accepted', (fallback) => {
    expect(problemsOf(`id: id\nopenedAt: { column: engaged, default: "${fallback}" }\n`)).toEqual([]);
  });
});
