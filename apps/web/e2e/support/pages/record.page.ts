import type { Locator, Page } from 'playwright-core';

export class RecordPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, kind: string, id: string): Promise<void> {
    await this.page.goto(`${baseUrl}/record/${kind}/${encodeURIComponent(id)}`);
    await this.page.getByRole('heading', { name: 'Next steps' }).waitFor();
  }

  timeline(): Locator {
    return this.page.getByRole('region', { name: 'Timeline' });
  }

  async timelineEntries(): Promise<string[]> {
    return this.timeline().locator('.mantine-Timeline-itemTitle').allInnerTexts();
  }

  stage(): Locator {
    return this.page.locator('h1 + .mantine-Badge-root');
  }

  /** The keyboard path: Tab until the step's button has focus, then Enter. */
  async advanceWithKeyboard(stepButton: string): Promise<void> {
    await this.focusWithTab(this.page.getByRole('button', { name: stepButton, exact: true }));
    await this.page.keyboard.press('Enter');
  }

  async completeTaskWithKeyboard(title: string): Promise<void> {
    await this.focusWithTab(this.page.getByRole('button', { name: `Complete “${title}”` }));
    await this.page.keyboard.press('Enter');
  }

  tasks(): Locator {
    return this.page.getByRole('list', { name: 'Tasks' });
  }

  private async focusWithTab(target: Locator): Promise<void> {
    await target.waitFor();
    await this.page.locator('body').focus();
    for (let presses = 0; presses < 200; presses += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error('the button never got the focus by Tab');
  }
}
