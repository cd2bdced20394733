import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { scaledTimeout } from '@crm/event-store/contract';
import { browserMissing, launchChromium } from './chromium';
import { SignInPage } from './pages/sign-in.page';
import { SCREENSHOTS } from './web-harness';

/** Playwright waits for elements up to this long: a safety net on a loaded machine, not a measure. */
export const ELEMENT_WAIT_MS = scaledTimeout(20_000);

const missing = browserMissing();
if (missing !== null) process.stdout.write(`${missing}\n`);
/** `describe` where Chromium is installed; elsewhere the suite is skipped, saying why. */
export const describeWithBrowser = missing === null ? describe : describe.skip;

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * One Chromium for a suite, and a fresh browser context per person, so each page has its own session;
 * contexts are in English and UTC, so the amounts and dates the tests read do not depend on the machine.
 */
export class BrowserSession {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly viewport: Viewport,
  ) {}

  static async launch(viewport: Viewport): Promise<BrowserSession> {
    return new BrowserSession(await launchChromium(), viewport);
  }

  /** A page in a context of its own, signed in by no one. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: this.viewport, locale: 'en-US', timezoneId: 'UTC' });
    this.contexts.push(context);
    context.setDefaultTimeout(ELEMENT_WAIT_MS);
    return context.newPage();
  }

  /** A page signed in as the demo user with this display name, through the sign-in page's list. */
  async signedIn(appUrl: string, name: string): Promise<Page> {
    const page = await this.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signInAs(name);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser.close();
  }
}

/** The whole page, as `dist/web-e2e/screenshots/<name>.png` (the README shows some). */
export const screenshot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** What axe-core finds serious or critical on the page as it is now, each named with `where` and its first elements. */
export const seriousViolations = async (page: Page, where: string): Promise<string[]> => {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${where}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
};
