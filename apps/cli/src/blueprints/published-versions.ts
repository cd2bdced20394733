import type { CompiledBlueprint } from '@crm/blueprint';
import type { BlueprintCatalog } from '@crm/workflow';
import { CliException, CliExceptionCode } from '../cli.exception';
import type { CommandInput } from '../cli-command';
import { openPublishedVersions, using } from '../cli-context';

/** Runs `use` on the versions published in the store; a missing store is NO_DATA, as for every command that reads it. */
export const withPublishedVersions = async <T>(input: CommandInput, use: (catalog: BlueprintCatalog) => Promise<T>): Promise<T> => {
  const published = await openPublishedVersions(input);
  if (published === null) {
    throw new CliException(CliExceptionCode.NO_DATA, `no event store in ${input.dataDir}: nothing is published there; pass --data-dir or set CRM_DATA_DIR`, { dataDir: input.dataDir });
  }
  return using([() => published.close()], () => use(published.catalog));
};

/** One published version of blueprint `id` (the latest without `version`); NOT_FOUND naming the versions there are. */
export const publishedVersion = (catalog: BlueprintCatalog, id: string, version?: number): CompiledBlueprint => {
  const versions = catalog.versions(id);
  const ref = version === undefined ? versions.at(-1) : versions.find((candidate) => candidate.version === version);
  if (ref === undefined) {
    const known = versions.length === 0 ? `no blueprint "${id}" is published; blueprints: ${catalog.kinds().map((kind) => catalog.latestForKind(kind).ref.id).join(', ')}` : `blueprint "${id}" has no version ${version}; versions: ${versions.map((candidate) => candidate.version).join(', ')}`;
    throw new CliException(CliExceptionCode.NOT_FOUND, known, { id });
  }
  return catalog.get(ref);
};
