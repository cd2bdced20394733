import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import { deriveId, StreamCommandHandler, type StreamFold } from '@crm/command-handler';
import type { EventStore, StoredEvent } from '@crm/event-store';
import { IntakeException, IntakeExceptionCode } from '../intake.exception';

/** One stream per intake key (README, Intake): its creation and its revocation. */
export const INTAKE_KEY_STREAM_PREFIX = '_intake-key-';
export const INTAKE_KEY_CREATED = 'IntakeKeyCreated';
export const INTAKE_KEY_REVOKED = 'IntakeKeyRevoked';

/** The default rate of a key: leads per minute, also the largest burst. */
export const DEFAULT_RATE_PER_MINUTE = 600;
const MAX_RATE_PER_MINUTE = 1_000_000;
const SOURCE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const KEY_FORMAT = /^ik_([0-9a-f-]{36})\.([A-Za-z0-9_-]{32})$/;

/** An intake key as an admin sees it: never its secret, which only its creator saw once. */
export interface IntakeKeyView {
  readonly id: string;
  /** Leads taken in with this key are tagged with this source; with the sender's id it makes intake idempotent. */
  readonly source: string;
  readonly name: string | null;
  readonly ratePerMinute: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

/** A key as created: `key` is shown this once; only its SHA-256 is stored. */
export interface IssuedIntakeKey extends IntakeKeyView {
  readonly key: string;
}

export interface CreateIntakeKey {
  readonly source: string;
  readonly name?: string;
  readonly ratePerMinute?: number;
}

/** Who manages keys, judged by the caller's rule (admins only, in the API). */
export interface KeyAdmin {
  readonly actor: Actor;
  readonly commandId: string;
  authorize(): void;
}

interface KeyState {
  readonly view: IntakeKeyView | null;
  readonly hash: string | null;
}

const keyFold: StreamFold<KeyState> = {
  initialState: () => ({ view: null, hash: null }),
  evolve: (state, events) => events.reduce(evolveKey, state),
};

const evolveKey = (state: KeyState, event: StoredEvent): KeyState => {
  const data = event.data;
  if (event.type === INTAKE_KEY_CREATED) {
    return {
      hash: String(data['hash']),
      view: {
        id: String(data['id']),
        source: String(data['source']),
        name: typeof data['name'] === 'string' ? data['name'] : null,
        ratePerMinute: Number(data['ratePerMinute']),
        createdAt: event.occurredAt,
        createdBy: String(data['by']),
        revokedAt: null,
        revokedBy: null,
      },
    };
  }
  if (event.type === INTAKE_KEY_REVOKED && state.view !== null) return { ...state, view: { ...state.view, revokedAt: event.occurredAt, revokedBy: String(data['by']) } };
  return state;
};

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

const keyStream = (id: string): string => `${INTAKE_KEY_STREAM_PREFIX}${id}`;

const invalidKey = (why: string): IntakeException => new IntakeException(IntakeExceptionCode.INTAKE_KEY_INVALID, `intake key ${why}`, {});

const createProblems = (request: CreateIntakeKey): string[] => {
  const problems: string[] = [];
  if (typeof request.source !== 'string' || !SOURCE.test(request.source)) problems.push('source: expected 1-40 lower-case letters, digits or -, starting with a letter or digit');
  if (request.name !== undefined && (typeof request.name !== 'string' || request.name.length < 1 || request.name.length > 200)) problems.push('name: expected 1-200 characters');
  const rate = request.ratePerMinute;
  if (rate !== undefined && (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_PER_MINUTE)) problems.push(`ratePerMinute: expected a whole number from 1 to ${MAX_RATE_PER_MINUTE}`);
  return problems;
};

/**
 * Intake keys, created by an admin and revocable (README, Intake). A key is `ik_<id>.<secret>`: the id
 * finds its stream, the secret's SHA-256 is compared in constant time. A high-entropy random secret
 * needs no slow password hash. Every check reads the key's stream again, so a revocation made by
 * another process counts at once.
 */
export class IntakeKeys {
  private readonly keys: StreamCommandHandler<KeyState>;

  constructor(
    private readonly store: EventStore,
    clock: Clock,
  ) {
    this.keys = new StreamCommandHandler(store, keyFold, { clock });
  }

  async create(request: CreateIntakeKey, admin: KeyAdmin): Promise<IssuedIntakeKey> {
    admin.authorize();
    const problems = createProblems(request);
    if (problems.length > 0) throw new IntakeException(IntakeExceptionCode.INVALID_INTAKE_KEY, `invalid intake key: ${problems.join('; ')}`, { problems });
    const id = deriveId(admin.commandId, 'intake-key');
    const secret = randomBytes(24).toString('base64url');
    const outcome = await this.keys.handle({
      stream: keyStream(id),
      commandId: admin.commandId,
      authorize: () => admin.authorize(),
      authorizeReplay: () => admin.authorize(),
      decide: (state) =>
        state.view !== null
          ? []
          : [
              {
                type: INTAKE_KEY_CREATED,
                data: { id, source: request.source, name: request.name ?? null, ratePerMinute: request.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE, hash: sha256(secret).toString('hex'), by: admin.actor.id },
              },
            ],
      metadata: () => ({ actor: admin.actor.id }),
    });
    const view = outcome.state.view;
    // A retried create cannot show a secret it never stored: the key is made anew under a new command id.
    if (view === null || outcome.replayed) throw new IntakeException(IntakeExceptionCode.INVALID_INTAKE_KEY, 'this create was already answered; its key is shown only once', {});
    return { ...view, key: `ik_${id}.${secret}` };
  }

  async revoke(id: string, admin: KeyAdmin): Promise<IntakeKeyView> {
    admin.authorize();
    const notFound = new IntakeException(IntakeExceptionCode.INTAKE_KEY_NOT_FOUND, `no intake key "${id}"`, { id });
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound;
    const outcome = await this.keys.handle({
      stream: keyStream(id),
      commandId: deriveId(admin.commandId, `revoke:${id}`),
      authorize: (state) => {
        admin.authorize();
        if (state.view === null) throw notFound;
      },
      authorizeReplay: () => admin.authorize(),
      decide: (state) => (state.view?.revokedAt === null ? [{ type: INTAKE_KEY_REVOKED, data: { id, by: admin.actor.id } }] : []),
      metadata: () => ({ actor: admin.actor.id }),
    });
    if (outcome.state.view === null) throw notFound;
    return outcome.state.view;
  }

  /** Every key, newest last, revoked ones too. */
  async list(admin: Pick<KeyAdmin, 'authorize'>): Promise<IntakeKeyView[]> {
    admin.authorize();
    const events = await this.store.readAll({ from: 'start', filter: { streamPrefixes: [INTAKE_KEY_STREAM_PREFIX] }, maxCount: 100_000 });
    const byStream = new Map<string, KeyState>();
    for (const event of events) byStream.set(event.stream, evolveKey(byStream.get(event.stream) ?? keyFold.initialState(event.stream), event));
    return [...byStream.values()].flatMap((state) => (state.view === null ? [] : [state.view]));
  }

  /** The key a request presents, if it is one of ours and not revoked; otherwise INTAKE_KEY_INVALID (401). */
  async authenticate(presented: string | undefined): Promise<IntakeKeyView> {
    if (presented === undefined || presented === '') throw invalidKey('missing: send it in the X-Intake-Key header');
    const parts = KEY_FORMAT.exec(presented);
    if (parts === null) throw invalidKey('malformed');
    const { state } = await this.keys.state(keyStream(parts[1]), { fresh: true });
    if (state.view === null || state.hash === null || !timingSafeEqual(Buffer.from(state.hash, 'hex'), sha256(parts[2]))) throw invalidKey('unknown');
    if (state.view.revokedAt !== null) throw invalidKey('revoked');
    return state.view;
  }
}
