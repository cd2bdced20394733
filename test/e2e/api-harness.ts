import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@crm/clock';
import { startApi, type RunningApi } from '../../apps/api/src/start-api';

export const repositoryRoot = join(__dirname, '..', '..');

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

export type DemoUser = 'rita' | 'raj' | 'max' | 'ana' | 'olga' | 'ada';

/** The real API on a temp data dir and a free port, with the demo users' tokens, spoken to over HTTP. */
export class ApiHarness {
  private constructor(
    readonly api: RunningApi,
    readonly dataDirectory: string,
    private readonly tokens: Record<DemoUser, { token: string }>,
  ) {}

  /** On the embedded SQLite store unless given an EventStoreDB connection string (e.g. the wire-level stand-in's). */
  static async start(options: { clock?: Clock; eventStoreDbConnectionString?: string } = {}): Promise<ApiHarness> {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'crm-api-'));
    const api = await startApi(
      {
        port: 0,
        host: '127.0.0.1',
        dataDirectory,
        blueprintsDirectory: join(repositoryRoot, 'blueprints'),
        usersFile: join(dataDirectory, 'users.yaml'),
        eventStore: options.eventStoreDbConnectionString ? 'eventstoredb' : 'sqlite',
        eventStoreConnectionString: options.eventStoreDbConnectionString,
        tokenSecret: undefined,
        bodyLimit: 1024 * 1024,
      },
      { clock: options.clock, logger: false },
    );
    const tokens = JSON.parse(readFileSync(api.demoTokensFile!, 'utf8')) as Record<DemoUser, { token: string }>;
    return new ApiHarness(api, dataDirectory, tokens);
  }

  async stop(): Promise<void> {
    await this.api.close();
    rmSync(this.dataDirectory, { recursive: true, force: true });
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
