import type { Locator, Page } from 'playwright-core';

/** The panel that opens when a step is refused: what is unmet, and a form for exactly those fields. */
export class AdvancePanel {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async waitUntilOpen(): Promise<void> {
    await this.dialog.getByRole('list', { name: 'Unmet criteria' }).waitFor();
  }

  async unmetCriteria(): Promise<string[]> {
    return this.dialog.getByRole('list', { name: 'Unmet criteria' }).getByRole('listitem').allInnerTexts();
  }

  async fieldLabels(): Promise<string[]> {
    const labels = await this.dialog.locator('form label').allInnerTexts();
    return labels.map((label) => label.replace(/\s*\*$/, '').trim());
  }

  async fill(label: string, value: string): Promise<void> {
    await this.dialog.getByLabel(label, { exact: false }).first().fill(value);
  }

  async submit(): Promise<void> {
    await this.dialog.locator('form').getByRole('button').last().click();
  }

  async waitUntilClosed(): Promise<void> {
    await this.dialog.waitFor({ state: 'detached' });
  }
}
