import { progressPrinter, renderProgress } from './progress-bar';

const progress = { projection: 'funnel', phase: 'rebuilding' as const, done: 1_500, total: 6_000, elapsedMs: 100, eventsPerSecond: 15_000, finished: false };

describe('the progress bar', () => {
  it('given a quarter done, then a quarter of the bar is filled with counts, percent and rate', () => {
    expect(renderProgress(progress)).toBe('funnel     rebuilding  [########......................] 1,500/6,000 25%  15,000 ev/s');
  });

  it('given a terminal, then the line is redrawn in place; given a pipe, then one line per report', () => {
    let terminal = '';
    let pipe = '';
    progressPrinter({ write: (text: string) => (terminal += text), isTTY: true })(progress);
    progressPrinter({ write: (text: string) => (terminal += text), isTTY: true })({ ...progress, done: 6_000, finished: true });
    progressPrinter({ write: (text: string) => (pipe += text) })(progress);
    expect(terminal.startsWith('\rfunnel')).toBe(true);
    expect(terminal.endsWith('\n')).toBe(true);
    expect(terminal.split('\n')).toHaveLength(2);
    expect(pipe).toBe(`${renderProgress(progress)}\n`);
  });
});
