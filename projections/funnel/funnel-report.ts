import { createHash } from 'node:crypto';
import type { FunnelReport } from './funnel.queries';

const fixed = (value: number | null, digits: number): string => (value === null ? '-' : value.toFixed(digits));
const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(2)}%`);

const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
};

/**
 * The funnel as a fixed-width text table: what `crm audit funnel` prints, and the canonical rendering the
 * digest is taken of (fixed decimals, fixed order), so two runs on the same history print the same digest.
 */
export const renderFunnelReport = (report: FunnelReport): string => {
  const heading = [
    `funnel ${report.kind}: opened ${report.from ?? 'ever'} .. ${report.to ?? 'now'}, as of ${report.asOf ?? 'latest'}, by ${report.by ?? 'all'}, ${report.records} records, ` +
      `${report.nonConforming} non-conforming ${report.conformance === 'conforming' ? 'left out' : 'included'}`,
  ];
  const stages = table(
    ['group', 'stage', 'entered', 'advanced', 'lost', 'won', 'conversion', 'win rate', 'visits', 'mean d', 'median d', 'p90 d'],
    report.rows.map((row) => [
      row.group,
      row.stage,
      String(row.entered),
      String(row.advanced),
      String(row.lost),
      String(row.won),
      percent(row.conversionRate),
      percent(row.winRate),
      String(row.completedVisits),
      fixed(row.meanDays, 2),
      fixed(row.medianDays, 2),
      fixed(row.p90Days, 2),
    ]),
  );
  const reasons = table(
    ['group', 'lost reason', 'records'],
    report.lostReasons.map((row) => [row.group, row.reason, String(row.count)]),
  );
  return [...heading, '', ...stages, '', ...reasons, ''].join('\n');
};

export const funnelReportDigest = (report: FunnelReport): string => createHash('sha256').update(renderFunnelReport(report)).digest('hex');
