import { listScope } from '@crm/identity';
import { EXPLAINABLE_METRICS, explainSalesFigure } from '@crm/projections';
import { EXIT_OK, usageError } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openChosenEventStore, openReadModels, using } from '../cli-context';
import { positiveIntegerOption, stringOption } from '../cli-options';
import { actingUser } from '../records/record-session';
import { formatCount } from '../text-table';
import { ANALYTICS_OPTIONS, ANALYTICS_USAGE, analyticsQueryOf } from './analytics-options';

const DEFAULT_LIMIT = 100;

const describeEvent = (type: string, data: Record<string, unknown>): string => {
  if (type === 'Transitioned' || type === 'StageRecorded') return `${String(data['from'])} → ${String(data['to'])}`;
  if (type === 'FieldsChanged') {
    const changes = data['changes'] as Record<string, { from: unknown; to: unknown }>;
    return Object.entries(changes)
      .map(([field, change]) => `${field}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`)
      .join(', ');
  }
  if (type === 'OwnerChanged') return `owner ${String(data['from'])} → ${String(data['to'])}`;
  if (type === 'RecordOpened') return `opened in ${String(data['stage'])}, owner ${String(data['owner'])}`;
  return '';
};

export const explainFigureCommand: CliCommand = {
  path: ['explain'],
  summary:
    'Explain a figure: the deals behind it and the events that moved them, as of the same moment. The deals the acting user\n' +
    `may read (a rep their own, a manager their team's) are listed; the others are counted. <metric>: ${EXPLAINABLE_METRICS.join(', ')}.`,
  usage: `explain <metric> ${ANALYTICS_USAGE} [--group <value>] [--stage <stage>] [--bucket <bucket>] [--category <category>] [--column atStart|entered|left|atEnd|advanced|lost|won] [--limit <n>] --as <user> [--json]`,
  options: {
    ...ANALYTICS_OPTIONS,
    group: { type: 'string' },
    stage: { type: 'string' },
    bucket: { type: 'string' },
    category: { type: 'string' },
    column: { type: 'string' },
    limit: { type: 'string' },
    as: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const metric = input.positionals[0] ?? '';
    if (!(EXPLAINABLE_METRICS as readonly string[]).includes(metric)) throw usageError(`<metric> must be one of ${EXPLAINABLE_METRICS.join(', ')}, not "${metric}"`);
    const query = analyticsQueryOf(input.values);
    const limit = positiveIntegerOption(input.values, 'limit') ?? DEFAULT_LIMIT;
    const { user, users } = actingUser(input);
    const store = await openChosenEventStore(input);
    const readModels = openReadModels(input);
    return using([() => store.close(), () => readModels.close()], async () => {
      const kind = query.kind ?? 'opportunity';
      const scope = listScope(user, users, kind);
      const part = Object.fromEntries(
        (['group', 'stage', 'bucket', 'category', 'column'] as const).flatMap((name) => {
          const value = stringOption(input.values, name);
          return value === undefined ? [] : [[name, value]];
        }),
      );
      const explanation = explainSalesFigure(readModels.db, input.io.clock, { ...query, ...part, metric, ...(scope.all ? {} : { visibleTo: scope }) });
      const listed = explanation.records.slice(0, limit);
      const records = [];
      for (const record of listed) {
        // Only readable records are listed (the read rule above), so their streams may be shown; up to the same moment.
        const events = (await store.readStream(`${kind}-${record.recordId}`)).filter((event) => event.occurredAt <= explanation.asOf);
        records.push({ ...record, events: events.map((event) => ({ type: event.type, occurredAt: event.occurredAt, revision: event.revision, data: event.data, metadata: event.metadata })) });
      }
      const unlisted = explanation.records.length - listed.length;
      if (input.values['json'] === true) {
        input.io.stdout.write(`${JSON.stringify({ ...explanation, records, unlisted }, null, 2)}\n`);
        return EXIT_OK;
      }
      const where = [explanation.group === null ? 'total' : `group ${explanation.group}`, ...Object.entries(explanation.part).filter(([, value]) => value !== null && value !== undefined).map(([name, value]) => `${name} ${String(value)}`)];
      input.io.stdout.write(
        `${metric} of ${explanation.kind}, ${explanation.period}, as of ${explanation.asOf} (${where.join(', ')}): ${formatCount(explanation.count)} deals; ` +
          `${formatCount(explanation.records.length)} you may read, ${formatCount(explanation.hidden)} you may not${unlisted > 0 ? `, ${formatCount(unlisted)} not listed (--limit)` : ''}\n`,
      );
      for (const record of records) {
        input.io.stdout.write(`\n${record.recordId}  ${record.role}  (owner ${record.owner ?? '(none)'}, ${record.stage})\n`);
        for (const event of record.events) input.io.stdout.write(`  ${event.occurredAt}  ${event.type.padEnd(14)}  ${describeEvent(event.type, event.data as Record<string, unknown>)}\n`);
      }
      return EXIT_OK;
    });
  },
};
