import { BlueprintException, BlueprintExceptionCode, type BlueprintRef, type CompiledBlueprint } from '@crm/blueprint';
import type { BlueprintCatalog } from '@crm/workflow';

/** Every published version of blueprint `id`, oldest first; 404 when there is none. */
export const publishedVersions = (catalog: BlueprintCatalog, id: string): BlueprintRef[] => {
  const versions = catalog.versions(id);
  if (versions.length === 0) throw new BlueprintException(BlueprintExceptionCode.BLUEPRINT_NOT_FOUND, `no blueprint "${id}"`, { problems: [] });
  return versions;
};

/** One published version (the latest when `version` is undefined); 404 naming the versions there are. */
export const publishedVersion = (catalog: BlueprintCatalog, id: string, version?: number): CompiledBlueprint => {
  const versions = publishedVersions(catalog, id);
  const ref = version === undefined ? versions[versions.length - 1] : versions.find((candidate) => candidate.version === version);
  if (ref === undefined) {
    throw new BlueprintException(
      BlueprintExceptionCode.BLUEPRINT_NOT_FOUND,
      `blueprint "${id}" has no version ${version}; versions: ${versions.map((candidate) => candidate.version).join(', ')}`,
      { problems: [] },
    );
  }
  return catalog.get(ref);
};
