import { blueprintContentHash, compileBlueprint, type BlueprintDefinition, type BlueprintRef, type CompiledBlueprint } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import {
  EventStoreException,
  EventStoreExceptionCode,
  type EventFilter,
  type EventStore,
  type EventSubscription,
  type JsonObject,
  type Position,
  type StoredEvent,
} from '@crm/event-store';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import {
  BLUEPRINT_STREAM_PREFIX,
  BLUEPRINT_VERSION_PUBLISHED,
  blueprintStream,
  publishedVersionData,
  publishedVersionOf,
} from './blueprint.events';

const refKey = (id: string, version: number): string => `${id}@${version}`;

const PUBLISHED: EventFilter = { streamPrefixes: [BLUEPRINT_STREAM_PREFIX], eventTypes: [BLUEPRINT_VERSION_PUBLISHED] };

/**
 * Every blueprint version ever published, as a projection of the `_blueprint-*` streams. Records pin the
 * version they were opened under; keeping the versions in the store means a record opened under version 1
 * still decides with version 1 after the file says version 2, across restarts, even when the old file is
 * gone. The catalog follows the store (`follow`), so a version another process publishes is seen here
 * too; a lookup that misses can `refresh` first.
 */
export class BlueprintCatalog {
  private readonly byRef = new Map<string, CompiledBlueprint>();
  private readonly latestByKind = new Map<string, CompiledBlueprint>();
  private after: Position | 'start' = 'start';
  private subscription: EventSubscription | null = null;
  private following: Promise<void> | null = null;
  private registered = 0;

  private constructor(private readonly store: EventStore) {}

  /** Loads every published version from the store, then publishes the given definitions that are new. */
  static async open(store: EventStore, definitions: readonly BlueprintDefinition[] = []): Promise<BlueprintCatalog> {
    const catalog = new BlueprintCatalog(store);
    await catalog.refresh();
    for (const definition of definitions) await catalog.publish(definition);
    return catalog;
  }

  /** Grows whenever a version is added: what was derived from the catalog at another generation is stale. */
  get generation(): number {
    return this.registered;
  }

  kinds(): string[] {
    return [...this.latestByKind.keys()].sort();
  }

  latestForKind(kind: string): CompiledBlueprint {
    const compiled = this.latestByKind.get(kind);
    if (!compiled) {
      throw new WorkflowException(
        WorkflowExceptionCode.UNKNOWN_KIND,
        `no blueprint governs record kind "${kind}"; known kinds: ${this.kinds().join(', ') || 'none'}`,
        { kind, known: this.kinds() },
      );
    }
    return compiled;
  }

  has(ref: BlueprintRef): boolean {
    return this.byRef.get(refKey(ref.id, ref.version))?.ref.contentHash === ref.contentHash;
  }

  get(ref: BlueprintRef): CompiledBlueprint {
    const compiled = this.byRef.get(refKey(ref.id, ref.version));
    if (!compiled || compiled.ref.contentHash !== ref.contentHash) {
      throw new WorkflowException(
        WorkflowExceptionCode.BLUEPRINT_VERSION_MISSING,
        `blueprint ${ref.id} v${ref.version} (${ref.contentHash.slice(0, 12)}) is not in the catalog`,
        { ref },
      );
    }
    return compiled;
  }

  versions(id: string): BlueprintRef[] {
    return [...this.byRef.values()]
      .filter((compiled) => compiled.ref.id === id)
      .map((compiled) => compiled.ref)
      .sort((a, b) => a.version - b.version);
  }

  /**
   * Why `definition` cannot be published over what this catalog holds now, or null when it can: its
   * version number taken by other content, its kind governed by another blueprint, or a version below
   * the latest. Pure over the catalog's state; `refresh` first to judge against every process's versions.
   */
  conflictOf(definition: BlueprintDefinition): WorkflowException | null {
    const existing = this.byRef.get(refKey(definition.id, definition.version));
    if (existing) {
      if (existing.ref.contentHash === blueprintContentHash(definition)) return null;
      return new WorkflowException(
        WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT,
        `blueprint ${definition.id} v${definition.version} is already published with other content; give the change a new version number`,
        { id: definition.id, version: definition.version },
      );
    }
    const governing = this.latestByKind.get(definition.kind);
    if (governing && governing.ref.id !== definition.id) {
      return new WorkflowException(
        WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT,
        `record kind "${definition.kind}" is already governed by blueprint "${governing.ref.id}"; one blueprint per kind`,
        { id: definition.id, kind: definition.kind, governedBy: governing.ref.id },
      );
    }
    const latest = this.versions(definition.id).at(-1);
    if (latest && latest.version > definition.version) {
      return new WorkflowException(
        WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT,
        `blueprint ${definition.id} v${definition.version} is older than the published v${latest.version}; versions only grow`,
        { id: definition.id, version: definition.version, latest: latest.version },
      );
    }
    return null;
  }

  /**
   * Publishes a definition: a no-op when that exact version is already published, an error when its
   * version number is taken by other content or is not above the latest published version. `metadata`
   * (who published it) is stored with the event.
   */
  async publish(definition: BlueprintDefinition, metadata: JsonObject = {}): Promise<CompiledBlueprint> {
    await this.refresh();
    const conflict = this.conflictOf(definition);
    if (conflict !== null) throw conflict;
    const existing = this.byRef.get(refKey(definition.id, definition.version));
    if (existing) return existing;
    const compiled = compileBlueprint(definition);
    const published = this.versions(definition.id);
    const latest = published.at(-1);
    const event = {
      id: deriveId(`blueprint:${compiled.ref.id}:${compiled.ref.version}:${compiled.ref.contentHash}`, 'published'),
      type: BLUEPRINT_VERSION_PUBLISHED,
      data: publishedVersionData(compiled.ref, definition),
      metadata,
    };
    try {
      await this.store.append(blueprintStream(definition.id), [event], latest ? published.length - 1 : 'no_stream');
    } catch (error) {
      if (error instanceof EventStoreException && error.code === EventStoreExceptionCode.WRONG_EXPECTED_REVISION) {
        throw new WorkflowException(
          WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT,
          `blueprint ${definition.id} was published concurrently by another process; reload and retry`,
          { id: definition.id, version: definition.version },
        );
      }
      throw error;
    }
    this.register(compiled);
    return compiled;
  }

  /** Reads the versions published since the last read (by any process). */
  async refresh(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ from: this.after, filter: PUBLISHED, maxCount: 500 });
      if (page.length === 0) return;
      for (const event of page) this.take(event);
    }
  }

  /**
   * Follows the store from what was read: every version published from now on, by any process, is in
   * the catalog within the store's live delivery time. `stop` ends it.
   */
  follow(onError: (error: unknown) => void): void {
    if (this.subscription !== null) return;
    const subscription = this.store.subscribe({ from: this.after, filter: PUBLISHED });
    this.subscription = subscription;
    this.following = (async () => {
      try {
        for await (const event of subscription) this.take(event);
      } catch (error) {
        if (this.subscription === subscription) onError(error);
      }
    })();
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.close();
    await this.following;
    this.following = null;
  }

  private take(event: StoredEvent): void {
    this.after = event.position;
    const published = publishedVersionOf(event);
    if (published === null) {
      throw new WorkflowException(
        WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT,
        `stored event ${event.id} in ${event.stream} is not a well-formed published blueprint version`,
        { stream: event.stream, revision: event.revision },
      );
    }
    const hash = blueprintContentHash(published.definition);
    if (hash !== published.ref.contentHash) {
      // A stored definition that no longer hashes to its ref was altered after publishing: refuse to trust it.
      throw new WorkflowException(
        WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT,
        `stored blueprint ${published.ref.id} v${published.ref.version} does not match its content hash`,
        { ref: published.ref, actualHash: hash },
      );
    }
    if (!this.has(published.ref)) this.register(compileBlueprint(published.definition));
  }

  private register(compiled: CompiledBlueprint): void {
    this.registered += 1;
    this.byRef.set(refKey(compiled.ref.id, compiled.ref.version), compiled);
    const kind = compiled.definition.kind;
    const current = this.latestByKind.get(kind);
    if (!current || current.ref.version <= compiled.ref.version) this.latestByKind.set(kind, compiled);
  }
}
