import { createHash } from 'node:crypto';
import type { BlueprintProblem } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { EventStore, JsonObject } from '@crm/event-store';

/**
 * A process owner's work in progress on a blueprint: stored, never used to decide (README, Blueprint
 * lifecycle). Its own stream, outside `_blueprint-*`, so the catalog never reads it.
 */
export const BLUEPRINT_DRAFT_STREAM_PREFIX = '_blueprint_draft-';
export const BLUEPRINT_DRAFT_SAVED = 'BlueprintDraftSaved';

export const blueprintDraftStream = (id: string): string => `${BLUEPRINT_DRAFT_STREAM_PREFIX}${id}`;

export interface BlueprintDraft {
  readonly id: string;
  /** The YAML as saved. */
  readonly source: string;
  /** What publishing it now would be refused for, as found when it was saved; [] when none. */
  readonly problems: readonly BlueprintProblem[];
  readonly savedBy: string;
  readonly savedAt: string;
  /** The draft stream's revision: how many times it was saved, minus one. */
  readonly revision: number;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const draftOf = (id: string, data: JsonObject, occurredAt: string, revision: number): BlueprintDraft => ({
  id,
  source: String(data['source']),
  problems: Array.isArray(data['problems']) ? (data['problems'] as unknown as BlueprintProblem[]) : [],
  savedBy: String(data['savedBy']),
  savedAt: occurredAt,
  revision,
});

/** The latest draft of blueprint `id`, or null when none was saved. */
export const latestBlueprintDraft = async (store: EventStore, id: string): Promise<BlueprintDraft | null> => {
  const events = await store.readStream(blueprintDraftStream(id));
  const last = events.at(-1);
  return last === undefined ? null : draftOf(id, last.data, last.occurredAt, last.revision);
};

/**
 * Saves a draft. Saving the same source again over the same draft stores nothing (the event id derives
 * from the previous revision and the source), so a retried request is harmless.
 */
export const saveBlueprintDraft = async (
  store: EventStore,
  draft: { readonly id: string; readonly source: string; readonly problems: readonly BlueprintProblem[]; readonly savedBy: string },
): Promise<BlueprintDraft> => {
  const previous = await latestBlueprintDraft(store, draft.id);
  if (previous !== null && previous.source === draft.source) return previous;
  const expected = previous === null ? 'no_stream' : previous.revision;
  const data = JSON.parse(JSON.stringify({ id: draft.id, source: draft.source, problems: draft.problems, savedBy: draft.savedBy })) as JsonObject;
  const eventId = deriveId(`blueprint-draft:${draft.id}:${String(expected)}:${sha256(draft.source)}`, 'saved');
  await store.append(blueprintDraftStream(draft.id), [{ id: eventId, type: BLUEPRINT_DRAFT_SAVED, data, metadata: { actor: draft.savedBy } }], expected);
  const saved = await latestBlueprintDraft(store, draft.id);
  if (saved === null) throw new Error(`draft of blueprint ${draft.id} was appended but cannot be read back`);
  return saved;
};
