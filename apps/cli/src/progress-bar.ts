import type { ProjectionProgress } from '@crm/projection-runtime';
import type { CliOutput } from './cli-io';
import { formatCount } from './text-table';

const barWidth = 30;

/** `funnel     rebuilding [#######.......]  12,000/34,100  35%  41,250 ev/s` */
export const renderProgress = (progress: ProjectionProgress): string => {
  const fraction = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
  const filled = Math.round(fraction * barWidth);
  const rate = progress.eventsPerSecond === null ? '' : `  ${formatCount(progress.eventsPerSecond)} ev/s`;
  return (
    `${progress.projection.padEnd(10)} ${progress.phase.replace('_', ' ').padEnd(11)} ` +
    `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${formatCount(progress.done)}/${formatCount(progress.total)} ` +
    `${Math.floor(fraction * 100)}%${rate}`
  );
};

/**
 * Progress on stderr: on a terminal one line redrawn in place, ending with a newline when the phase
 * finishes; into a pipe or a log one line per report, which is what scripts and tests read.
 */
export const progressPrinter =
  (stderr: CliOutput) =>
  (progress: ProjectionProgress): void => {
    if (stderr.isTTY) stderr.write(`\r${renderProgress(progress)}${progress.finished ? '\n' : ''}`);
    else stderr.write(`${renderProgress(progress)}\n`);
  };
