import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@crm/clock';
import type { OutboxMode } from '@crm/notifications';
import { present, PROBE_TIMEOUT_MS } from '@crm/event-store/contract';
import { projectionDigest, ReadModelDatabase } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { startApi, type RunningApi } from '../../apps/api/src/start-api';

export const repositoryRoot = join(__dirname, '..', '..');

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

export type DemoUser = 'rita' | 'raj' | 'max' | 'ana' | 'olga' | 'ada';

export interface ApiHarnessOptions {
  readonly clock?: Clock;
  readonly eventStoreDbConnectionString?: string;
  /** An existing data directory to start on (a restart); default: a new temp directory. */
  readonly dataDirectory?: string;
  /** This process's own read-model folder (`CRM_READ_MODELS_DIR`); default the data directory. */
  readonly readModelsDirectory?: string;
  /** Another blueprints folder (e.g. the shipped one plus an assignment rules file); default the shipped one. */
  readonly blueprintsDirectory?: string;
  /**
   * Default `manual`: the notification reactors and webhook deliveries run only on `api.outbox.runDue()`,
   * so between two requests the log holds what they stored and nothing else; `loop` runs them in the
   * background as `npm start` does.
   */
  readonly outbox?: OutboxMode;
}

interface ProjectionLagBody {
  projections: { maxLag: number; byProjection: { projection: string; state: string; lag: number }[] };
}

/** The real API on a temp data dir and a free port, with the demo users' tokens, spoken to over HTTP. */
export class ApiHarness {
  private constructor(
    readonly api: RunningApi,
    readonly dataDirectory: string,
    private readonly tokens: Record<DemoUser, { token: string }>,
    private readonly options: ApiHarnessOptions,
  ) {}

  /** On the embedded SQLite store unless given an EventStoreDB connection string (e.g. the wire-level stand-in's). */
  static async start(options: ApiHarnessOptions = {}): Promise<ApiHarness> {
    const dataDirectory = options.dataDirectory ?? mkdtempSync(join(tmpdir(), 'crm-api-'));
    const api = await startApi(
      {
        port: 0,
        host: '127.0.0.1',
        dataDirectory,
        readModelsDirectory: options.readModelsDirectory,
        blueprintsDirectory: options.blueprintsDirectory ?? join(repositoryRoot, 'blueprints'),
        usersFile: join(dataDirectory, 'users.yaml'),
        eventStore: options.eventStoreDbConnectionString ? 'eventstoredb' : 'sqlite',
        eventStoreConnectionString: options.eventStoreDbConnectionString,
        tokenSecret: undefined,
        bodyLimit: 1024 * 1024,
      },
      { clock: options.clock, logger: false, outbox: options.outbox ?? 'manual' },
    );
    const tokens = JSON.parse(readFileSync(present(api.demoTokensFile, 'the demo tokens file'), 'utf8')) as Record<DemoUser, { token: string }>;
    return new ApiHarness(api, dataDirectory, tokens, options);
  }

  async stop(): Promise<void> {
    await this.api.close();
    rmSync(this.dataDirectory, { recursive: true, force: true });
  }

  /** Closes the API (as on SIGTERM) and starts a new one on the same data directory; the new harness owns it. */
  async restart(): Promise<ApiHarness> {
    await this.api.close();
    return ApiHarness.start({ ...this.options, dataDirectory: this.dataDirectory });
  }

  /** Waits until `/health` reports every read model at the head of the log (details need a token). */
  async untilProjectionsCaughtUp(timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
    const started = Date.now();
    for (;;) {
      const health = await this.request<ProjectionLagBody>('ana', 'GET', '/health');
      const { maxLag, byProjection } = health.body.projections;
      if (maxLag === 0 && byProjection.every((projection) => projection.state === 'live')) return;
      if (Date.now() - started > timeoutMs) throw new Error(`projections not caught up after ${timeoutMs} ms: ${JSON.stringify(byProjection)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * `projectionDigest` of every read model of this process (its read-model folder), read in one transaction beside the
   * running app: equal digests mean equal rows, whatever the order they were written in.
   */
  readModelDigests(): Record<string, string> {
    const readModels = ReadModelDatabase.open({ directory: this.options.readModelsDirectory ?? this.dataDirectory, readOnly: true });
    try {
      return readModels.db.transaction(() => Object.fromEntries(crmProjections().map((projection) => [projection.name, projectionDigest(readModels.db, projection)])))();
    } finally {
      readModels.close();
    }
  }

  /** Runs `sql` against the read models, read-only, beside the running app. */
  readModelRows<T>(sql: string): T[] {
    const readModels = ReadModelDatabase.open({ directory: this.options.readModelsDirectory ?? this.dataDirectory, readOnly: true });
    try {
      return readModels.db.prepare(sql).all() as T[];
    } finally {
      readModels.close();
    }
  }

  tokenOf(user: DemoUser): string {
    return this.tokens[user].token;
  }

  async request<T = Record<string, unknown>>(
    as: DemoUser | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.api.url}${path}`, {
      method,
      headers: {
        ...(as ? { authorization: `Bearer ${this.tokenOf(as)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** Opens an opportunity as `owner` (through the API) and returns its id. */
  async openOpportunity(as: DemoUser, fields: Record<string, unknown> = { name: 'Globex platform deal' }): Promise<string> {
    const opened = await this.request<{ record: { id: string } }>(as, 'POST', '/records/opportunity', { fields });
    if (opened.status !== 201) throw new Error(`open failed: ${opened.status} ${JSON.stringify(opened.body)}`);
    return opened.body.record.id;
  }
}
