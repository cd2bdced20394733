import type { Page } from 'playwright-core';
import { ManualClock } from '@crm/clock';
import { scaledTimeout } from '@crm/event-store/contract';
import { BrowserSession, describeWithBrowser, screenshot, seriousViolations } from './support/browser-session';
import { AdvancePanel } from './support/pages/advance-panel';
import { AnalyticsPage } from './support/pages/analytics.page';
import { AppShell } from './support/pages/app-shell';
import { BlueprintsPage } from './support/pages/blueprints.page';
import { BoardPage } from './support/pages/board.page';
import { RecordPage } from './support/pages/record.page';
import { SignInPage } from './support/pages/sign-in.page';
import { WebHarness, type DemoUserId } from './support/web-harness';

const TEST_MS = scaledTimeout(120_000);
/** axe-core reads every element of five pages: minutes on a loaded machine. */
const AXE_TEST_MS = scaledTimeout(360_000);

const NAMES: Record<DemoUserId, string> = {
  rita: 'Rita Rep',
  raj: 'Raj Rep',
  max: 'Max Manager',
  mia: 'Mia Manager',
  ana: 'Ana Analyst',
  olga: 'Olga Process Owner',
  ada: 'Ada Admin',
};

interface OpenedRecord {
  readonly record: { readonly id: string };
}

/** A small partnership blueprint; `requires` names the field the sign step needs (misspell it to see a problem). */
const partnershipDraft = (requires: string, signedTitle = 'Signed'): string =>
  [
    'id: partnership',
    'version: 1',
    'kind: partnership',
    'title: Partnership',
    'currency: USD',
    'initialStage: proposed',
    'fields:',
    '  budget: { type: money }',
    'stages:',
    '  proposed: { title: Proposed, order: 1, probability: 10, forecastCategory: pipeline }',
    `  signed: { title: ${signedTitle}, order: 2, probability: 100, forecastCategory: closed, outcome: won }`,
    'transitions:',
    '  - event: sign',
    '    from: proposed',
    '    to: signed',
    `    requires: [${requires}]`,
    '',
  ].join('\n');

describeWithBrowser('web app in Chromium against the real API', () => {
  const clock = new ManualClock('2026-03-02T10:00:00.000Z');
  let harness: WebHarness;
  let browser: BrowserSession;
  const ids: Record<string, string> = {};

  const opportunity = async (as: DemoUserId, name: string, fields: Record<string, unknown> = {}): Promise<string> => {
    const opened = await harness.call<OpenedRecord>(as, 'POST', '/records/opportunity', { fields: { name, ...fields } });
    ids[name] = opened.record.id;
    return opened.record.id;
  };
  const advance = (as: DemoUserId, id: string, event: string, fields: Record<string, unknown> = {}) =>
    harness.call(as, 'POST', `/records/opportunity/${id}/transitions`, { event, fields });

  const signedIn = (user: DemoUserId): Promise<Page> => browser.signedIn(harness.url, NAMES[user]);

  beforeAll(async () => {
    harness = await WebHarness.start(clock);
    browser = await BrowserSession.launch({ width: 1440, height: 960 });
    // Early March: deals opened and moved; late March: more moves, so the funnel as of mid-March differs from now
    // (within the demo tokens' 30 days).
    await opportunity('rita', 'Globex platform deal');
    await opportunity('rita', 'Initech rollout', { budget: 80_000, decisionMaker: 'Bill Lumbergh', timeline: '2026-06-30', amount: 75_000 });
    const umbrella = await opportunity('rita', 'Umbrella renewal', { budget: 50_000, decisionMaker: 'Albert Wesker', timeline: '2026-05-31', amount: 45_000 });
    const hooli = await opportunity('raj', 'Hooli expansion', { budget: 120_000, decisionMaker: 'Gavin Belson', timeline: '2026-07-31', amount: 110_000 });
    await advance('rita', umbrella, 'analyze_needs');
    await advance('raj', hooli, 'analyze_needs');
    clock.set('2026-03-25T10:00:00.000Z');
    await advance('rita', umbrella, 'propose', { proposalDocument: 'umbrella-proposal.pdf' });
    await advance('raj', hooli, 'propose', { proposalDocument: 'hooli-proposal.pdf' });
    await harness.readModelsCaughtUp();
  }, scaledTimeout(120_000));

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  }, scaledTimeout(60_000));

  it(
    'given the demo users file, when Rita signs in from the list, then her board shows her deals by stage',
    async () => {
      const page = await browser.newPage();
      const signIn = new SignInPage(page);
      await signIn.open(harness.url);
      expect(await signIn.demoUserNames()).toEqual(Object.values(NAMES));
      await screenshot(page, '01-sign-in');
      await signIn.signInAs('Rita Rep');

      const board = new BoardPage(page);
      await board.waitUntilShown();
      await board.cardIn('Qualification', 'Globex platform deal').waitFor();
      await board.cardIn('Proposal', 'Umbrella renewal').waitFor();
      expect(await board.card('Hooli expansion').count()).toBe(0);
      await screenshot(page, '02-board');
      await page.context().close();
    },
    TEST_MS,
  );

  it(
    'given a deal missing its budget, when Rita drags it forward, then it is refused, returns, the panel asks for exactly the missing fields, and filling them moves it; the timeline shows the step',
    async () => {
      const page = await signedIn('rita');
      const board = new BoardPage(page);
      const panel = new AdvancePanel(page);
      await board.cardIn('Qualification', 'Globex platform deal').waitFor();

      await board.dragCard('Globex platform deal', 'Needs analysis');

      await panel.waitUntilOpen();
      expect(await panel.unmetCriteria()).toEqual([
        'Required field: Budget is required',
        'Required field: Decision maker is required',
        'Required field: Timeline is required',
      ]);
      expect(await panel.fieldLabels()).toEqual(['Budget', 'Decision maker', 'Timeline']);
      await board.cardIn('Qualification', 'Globex platform deal').waitFor();
      await screenshot(page, '03-refused-panel');

      await panel.fill('Budget', '150000');
      await panel.fill('Decision maker', 'Hank Scorpio');
      await panel.fill('Timeline', '2026-09-30');
      await panel.submit();

      await panel.waitUntilClosed();
      await board.cardIn('Needs analysis', 'Globex platform deal').waitFor();
      const record = new RecordPage(page);
      await record.open(harness.url, 'opportunity', ids['Globex platform deal']);
      await record.timeline().getByText('analyze_needs: Qualification → Needs analysis').waitFor();
      expect((await record.timelineEntries())[0]).toBe('analyze_needs: Qualification → Needs analysis');
      await screenshot(page, '04-record-timeline');
    },
    TEST_MS,
  );

  it(
    'given the keyboard only, when Rita moves a deal through its move menu and completes a task and advances on the record page, then each step is taken',
    async () => {
      const page = await signedIn('rita');
      const board = new BoardPage(page);
      await board.cardIn('Qualification', 'Initech rollout').waitFor();

      await board.moveWithKeyboard('Initech rollout', 'Needs analysis');
      await board.cardIn('Needs analysis', 'Initech rollout').waitFor();

      const record = new RecordPage(page);
      await record.open(harness.url, 'opportunity', ids['Umbrella renewal']);
      await record.tasks().getByText('Send the proposal to the customer').waitFor();
      await record.completeTaskWithKeyboard('Send the proposal to the customer');
      await record.tasks().getByText('Send the proposal to the customer').waitFor({ state: 'detached' });
      await record.advanceWithKeyboard('Start negotiation');
      await record.timeline().getByText('negotiate: Proposal → Negotiation').waitFor();
      expect(await record.stage().innerText()).toBe('NEGOTIATION');
      const newestFirst = await record.timelineEntries();
      const completed = newestFirst.indexOf('Task completed: Send the proposal to the customer');
      expect(completed).toBeGreaterThan(newestFirst.indexOf('negotiate: Proposal → Negotiation'));
      expect(newestFirst.indexOf('negotiate: Proposal → Negotiation')).toBeGreaterThanOrEqual(0);
    },
    TEST_MS,
  );

  it(
    'given Max watching his team’s board, when Rita advances a deal through the API, then his board shows it in its new stage without a reload',
    async () => {
      const page = await signedIn('max');
      const board = new BoardPage(page);
      await new AppShell(page).waitUntilLive();
      await board.cardIn('Needs analysis', 'Initech rollout').waitFor();
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => navigations.push(frame.url()));

      await advance('rita', ids['Initech rollout'], 'propose', { proposalDocument: 'initech-proposal.pdf' });

      await board.cardIn('Proposal', 'Initech rollout').waitFor();
      expect(navigations).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'given the as-of control, when Ana shows mid-March, then the funnel table is exactly the API’s funnel as of that day, and differs from now',
    async () => {
      const page = await signedIn('ana');
      await new AppShell(page).goTo('Analytics');
      const analytics = new AnalyticsPage(page);
      await analytics.waitUntilShown();
      const now = await analytics.funnelRows();

      await analytics.showAsOf('2026-03-15');

      const api = await harness.call<{ records: number; rows: { group: string; stage: string; entered: number; advanced: number; lost: number; won: number; conversionRate: number | null }[] }>(
        'ana',
        'GET',
        '/funnel?kind=opportunity&asOf=2026-03-15',
      );
      const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
      const titles: Record<string, string> = {
        qualification: 'Qualification',
        needs_analysis: 'Needs analysis',
        proposal: 'Proposal',
        negotiation: 'Negotiation',
        contract_approval: 'Contract approval',
        closed_won: 'Closed won',
        closed_lost: 'Closed lost',
      };
      const expected = api.rows.map((row) => [row.group, titles[row.stage], String(row.entered), String(row.advanced), String(row.lost), String(row.won), row.conversionRate === null ? '—' : percent.format(row.conversionRate)]);
      await page.waitForFunction((records) => document.querySelector(`table[aria-label="Funnel by stage (${records} records)"]`) !== null, api.records);
      const shown = (await analytics.funnelRows()).map((cells) => cells.slice(0, 7));
      expect(shown).toEqual(expected);
      expect(shown).not.toEqual(now.map((cells) => cells.slice(0, 7)));
      await screenshot(page, '05-analytics-as-of');
    },
    TEST_MS,
  );

  it(
    'given the as-of control, when Ana shows mid-March, then the sales metrics are the API’s win rate over closed deals of that quarter, per deal count',
    async () => {
      const page = await signedIn('ana');
      await new AppShell(page).goTo('Analytics');
      const analytics = new AnalyticsPage(page);
      await analytics.waitUntilShown();
      await analytics.showAsOf('2026-03-15');

      const api = await harness.call<{ period: string; total: { deals: number; winRate: { won: number; lost: number; winRate: number | null } } }>(
        'ana',
        'GET',
        '/analytics/sales?kind=opportunity&asOf=2026-03-15',
      );
      const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
      const { deals, winRate } = api.total;
      const total = (await analytics.salesRows(api.period)).at(-1)?.slice(0, 5);
      expect(total).toEqual(['Total', String(deals), String(winRate.won), String(winRate.lost), winRate.winRate === null ? '—' : percent.format(winRate.winRate)]);
      expect(deals).toBeGreaterThan(0);
    },
    TEST_MS,
  );

  it(
    'given the language switch, when Rita chooses 简体中文, then the navigation and the board speak Chinese',
    async () => {
      const page = await signedIn('rita');
      const shell = new AppShell(page);

      await shell.switchLanguage('简体中文');

      await page.getByRole('heading', { name: '销售管道看板' }).waitFor();
      expect(await shell.navigationLabels()).toEqual(['看板', '我的工作', '分析']);
      await screenshot(page, '06-board-zh-CN');
      await shell.switchLanguage('English');
    },
    TEST_MS,
  );

  it(
    'given a draft with a misspelt field, when Olga (process owner) types it into the blueprint editor, then the problem shows at its path',
    async () => {
      const page = await signedIn('olga');
      await new AppShell(page).goTo('Blueprints');
      const blueprints = new BlueprintsPage(page);
      await blueprints.waitUntilShown();
      await screenshot(page, '07-blueprint');

      await blueprints.openDraftEditor();
      await blueprints.replaceDraft(partnershipDraft('budjet'));

      const problems = await blueprints.problems();
      expect(problems.some((problem) => problem.startsWith('transitions[0].requires[0]') && problem.includes('unknown field "budjet"'))).toBe(true);
      await screenshot(page, '08-blueprint-draft-problem');
    },
    TEST_MS,
  );

  it(
    'given the draft corrected, when Olga publishes it from the editor, then the API publishes version 1 and the page names it; published again with other content, the refusal names the path',
    async () => {
      const page = await signedIn('olga');
      await new AppShell(page).goTo('Blueprints');
      const blueprints = new BlueprintsPage(page);
      await blueprints.waitUntilShown();
      await blueprints.openDraftEditor();
      await blueprints.replaceDraft(partnershipDraft('budget'));
      await page.getByRole('status').filter({ hasText: 'Valid' }).waitFor();

      await page.getByRole('button', { name: 'Publish' }).click();

      await page.getByRole('status').filter({ hasText: 'partnership version 1 is published.' }).waitFor();
      const versions = await harness.call<{ versions: { ref: { version: number } }[] }>('olga', 'GET', '/blueprints/partnership/versions');
      expect(versions.versions.map((entry) => entry.ref.version)).toEqual([1]);

      await blueprints.replaceDraft(partnershipDraft('budget', 'Signed contract'));
      await page.getByRole('button', { name: 'Publish' }).click();
      const refusal = await page.getByRole('alert').filter({ hasText: 'INVALID_BLUEPRINT' }).innerText();
      expect(refusal).toContain('version');
      const after = await harness.call<{ versions: { ref: { version: number } }[] }>('olga', 'GET', '/blueprints/partnership/versions');
      expect(after.versions.map((entry) => entry.ref.version)).toEqual([1]);
    },
    TEST_MS,
  );

  it(
    'given each page, when axe-core checks it, then it finds no serious or critical violation',
    async () => {
      const rita = await signedIn('rita');
      const board = new BoardPage(rita);
      await board.card('Globex platform deal').waitFor();
      const found = await seriousViolations(rita, 'board');
      const record = new RecordPage(rita);
      await record.open(harness.url, 'opportunity', ids['Globex platform deal']);
      await record.timeline().waitFor();
      found.push(...(await seriousViolations(rita, 'record')));
      await new AppShell(rita).goTo('My work');
      await rita.getByRole('heading', { name: 'My tasks' }).waitFor();
      await rita.getByRole('heading', { name: 'Approvals waiting for me' }).waitFor();
      found.push(...(await seriousViolations(rita, 'my work')));
      await new AppShell(rita).goTo('Analytics');
      await new AnalyticsPage(rita).waitUntilShown();
      found.push(...(await seriousViolations(rita, 'analytics')));
      const olga = await signedIn('olga');
      await new AppShell(olga).goTo('Blueprints');
      await new BlueprintsPage(olga).waitUntilShown();
      found.push(...(await seriousViolations(olga, 'blueprints')));
      const visitor = await browser.newPage();
      await new SignInPage(visitor).open(harness.url);
      await visitor.getByRole('heading', { name: 'Demo users' }).waitFor();
      found.push(...(await seriousViolations(visitor, 'sign-in')));
      await visitor.context().close();
      expect(found).toEqual([]);
    },
    AXE_TEST_MS,
  );
});
