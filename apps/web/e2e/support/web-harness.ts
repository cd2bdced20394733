import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManualClock } from '@crm/clock';
import { localApiSettings, startApi, type RunningApi } from '../../../api/src/start-api';
import { webAppDirectory } from '../../../api/src/web/web-app';

export const repositoryRoot = join(__dirname, '..', '..', '..', '..');
/** Screenshots of every run, to look at: dist/ is not committed. */
export const SCREENSHOTS = join(repositoryRoot, 'dist', 'web-e2e', 'screenshots');

export type DemoUserId = 'rita' | 'raj' | 'max' | 'mia' | 'ana' | 'olga' | 'ada';

/** The real API serving the built web app, on a temp data directory with the demo users, on a moved clock. */
export class WebHarness {
  private constructor(
    readonly api: RunningApi,
    readonly dataDirectory: string,
    private readonly tokens: Record<DemoUserId, { token: string }>,
  ) {}

  static async start(clock: ManualClock): Promise<WebHarness> {
    const webDirectory = webAppDirectory(process.env, repositoryRoot);
    if (!existsSync(join(webDirectory, 'index.html'))) throw new Error(`no web app in ${webDirectory}: build it first (npm run build, or npx nx build web)`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dataDirectory = mkdtempSync(join(tmpdir(), 'crm-web-'));
    const api = await startApi(
      localApiSettings(dataDirectory, join(repositoryRoot, 'blueprints')),
      { clock, logger: false },
    );
    const tokensFile = api.demoTokensFile;
    if (tokensFile === null) throw new Error('the API wrote no demo tokens');
    return new WebHarness(api, dataDirectory, JSON.parse(readFileSync(tokensFile, 'utf8')) as Record<DemoUserId, { token: string }>);
  }

  get url(): string {
    return this.api.url;
  }

  async stop(): Promise<void> {
    await this.api.close();
    rmSync(this.dataDirectory, { recursive: true, force: true });
  }

  /** A call to the API as a demo user; the answer's body, or an error naming the status. */
  async call<T>(as: DemoUserId, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.tokens[as].token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path} as ${as}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  }

  /** Waits until every read model has applied everything stored (the lists and reports are read models). */
  async readModelsCaughtUp(): Promise<void> {
    const head = await this.api.engine.store.headPosition();
    if (head !== null) await this.api.projections.waitForPosition(head, 20_000);
  }
}
