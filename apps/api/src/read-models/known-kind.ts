import type { BlueprintCatalog } from '@crm/workflow';

/**
 * The record kind a read-model query is about, default `opportunity`. A kind no blueprint governs is
 * UNKNOWN_KIND (404) like on the record routes, rather than an empty report that hides a typo.
 */
export const knownKind = (catalog: BlueprintCatalog, kind: string = 'opportunity'): string => {
  catalog.latestForKind(kind);
  return kind;
};
