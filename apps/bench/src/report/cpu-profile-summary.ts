import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join, relative } from 'node:path';
import { transformSync, type Options } from '@swc/core';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
}

export interface HotFunction {
  readonly name: string;
  /** `path:line`, relative to the repository; node internals keep their own names. */
  readonly location: string;
  readonly selfPercent: number;
  /** Share of samples with this function anywhere on the stack. */
  readonly totalPercent: number;
}

const swcOptions = JSON.parse(readFileSync(join(__dirname, '..', '..', 'swc-options.json'), 'utf8')) as Options;
const sourceMaps = new Map<string, SourceMap | null>();

/**
 * Profiles locate functions in the code SWC produced, not in the TypeScript: compile the file again
 * with the loader's options (deterministic) and map the position back through its source map.
 */
const sourceLine = (file: string, line: number, column: number): number => {
  if (!file.endsWith('.ts')) return line + 1;
  if (!sourceMaps.has(file)) {
    const { map } = transformSync(readFileSync(file, 'utf8'), { ...swcOptions, sourceMaps: true, filename: file });
    sourceMaps.set(file, map ? new SourceMap(JSON.parse(map) as SourceMapPayload) : null);
  }
  const entry = sourceMaps.get(file)?.findEntry(line, column);
  return entry && 'originalLine' in entry ? entry.originalLine + 1 : line + 1;
};

const locationOf = (node: ProfileNode, root: string): string => {
  const url = node.callFrame.url.replace(/^file:\/\//, '');
  if (url === '') return '(native)';
  if (!url.startsWith('/')) return `${url}:${node.callFrame.lineNumber + 1}`;
  return `${relative(root, url)}:${sourceLine(url, node.callFrame.lineNumber, node.callFrame.columnNumber)}`;
};

/**
 * The hottest functions of a V8 CPU profile (`node --cpu-prof`), by self time, with their inclusive
 * share; `(idle)`, `(program)` and `(garbage collector)` are kept, since they matter as much.
 */
export const summarizeCpuProfile = (file: string, root: string, top = 15): HotFunction[] => {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const key = (node: ProfileNode): string => `${node.callFrame.functionName || '(anonymous)'}\u0000${locationOf(node, root)}`;

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const sample of profile.samples) {
    const leaf = byId.get(sample);
    if (!leaf) continue;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + 1);
    const onStack = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parentOf.get(id)) {
      const node = byId.get(id);
      if (node) onStack.add(key(node));
    }
    for (const name of onStack) total.set(name, (total.get(name) ?? 0) + 1);
  }
  const samples = Math.max(1, profile.samples.length);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, count]) => {
      const [functionName, location] = name.split('\u0000') as [string, string];
      return { name: functionName, location, selfPercent: (100 * count) / samples, totalPercent: (100 * (total.get(name) ?? 0)) / samples };
    });
};

/** The `.cpuprofile` files node wrote into `directory` (one per profiled process). */
export const cpuProfilesIn = (directory: string): string[] =>
  existsSync(directory)
    ? readdirSync(directory)
        .filter((name) => name.endsWith('.cpuprofile'))
        .map((name) => join(directory, name))
    : [];
