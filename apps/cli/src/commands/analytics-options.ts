import { ANALYTICS_DIMENSIONS, CONFORMANCE_CHOICES, DEAL_OUTCOMES, PERIOD_KINDS, type SalesAnalyticsQuery } from '@crm/projections';
import type { OptionsConfig, OptionValues } from '../cli-command';
import { usageError } from '../cli.exception';
import { stringListOption, stringOption } from '../cli-options';

/** The options `report analytics` and `explain` share: the question a report answers. */
export const ANALYTICS_OPTIONS: OptionsConfig = {
  period: { type: 'string' },
  'as-of': { type: 'string' },
  by: { type: 'string' },
  filter: { type: 'string', multiple: true },
  'cycle-from': { type: 'string' },
  'stage-outcome': { type: 'string' },
  cohort: { type: 'string' },
  conformance: { type: 'string' },
  kind: { type: 'string' },
};

export const ANALYTICS_USAGE =
  '[--period 2017-Q1|2017-03] [--as-of <date>] [--by <dimension>] [--filter <dimension>=<value>]... [--cycle-from <stage>] [--stage-outcome won|lost|open] [--cohort month|quarter] [--conformance all|conforming] [--kind <kind>]';

const oneOf = <T extends string>(values: OptionValues, name: string, choices: readonly T[]): T | undefined => {
  const value = stringOption(values, name);
  if (value !== undefined && !(choices as readonly string[]).includes(value)) throw usageError(`--${name} must be one of ${choices.join(', ')}, not "${value}"`);
  return value as T | undefined;
};

/** The projections' query the options stand for; a dimension, outcome or filter that is not one is a usage error (exit 2). */
export const analyticsQueryOf = (values: OptionValues): SalesAnalyticsQuery => {
  const filter: Record<string, string> = {};
  for (const entry of stringListOption(values, 'filter')) {
    const at = entry.indexOf('=');
    const dimension = at < 0 ? entry : entry.slice(0, at);
    if (at < 0 || !(ANALYTICS_DIMENSIONS as readonly string[]).includes(dimension)) {
      throw usageError(`--filter must be <dimension>=<value> with a dimension of ${ANALYTICS_DIMENSIONS.join(', ')}, not "${entry}"`);
    }
    filter[dimension] = entry.slice(at + 1);
  }
  const query: SalesAnalyticsQuery = {
    kind: stringOption(values, 'kind'),
    asOf: stringOption(values, 'as-of'),
    period: stringOption(values, 'period'),
    by: oneOf(values, 'by', ANALYTICS_DIMENSIONS),
    filter,
    cycleFrom: stringOption(values, 'cycle-from'),
    stageOutcome: oneOf(values, 'stage-outcome', DEAL_OUTCOMES),
    cohort: oneOf(values, 'cohort', PERIOD_KINDS),
    conformance: oneOf(values, 'conformance', CONFORMANCE_CHOICES),
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as SalesAnalyticsQuery;
};
