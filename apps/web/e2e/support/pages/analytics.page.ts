import type { Page } from 'playwright-core';

export class AnalyticsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('table', { name: /^Funnel by stage/ }).waitFor();
  }

  /** Sets the one as-of date of the page; every chart and table is asked again for that moment. */
  async showAsOf(date: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'As of' }).fill(date);
    await this.page.getByRole('button', { name: 'Show', exact: true }).click();
    await this.page.getByText(`As of the end of ${date}`).waitFor();
  }

  /** The funnel table's rows, cell by cell, as shown. */
  async funnelRows(): Promise<string[][]> {
    const table = this.page.getByRole('table', { name: /^Funnel by stage/ });
    await table.waitFor();
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent ?? '')));
  }

  async funnelCaption(): Promise<string> {
    return (await this.page.getByRole('table', { name: /^Funnel by stage/ }).getAttribute('aria-label')) ?? '';
  }

  /** The sales metrics table of a period (e.g. 2026-Q1), cell by cell: one row per group, the total last. */
  async salesRows(period: string): Promise<string[][]> {
    const table = this.page.getByRole('table', { name: `Sales metrics, ${period}` });
    await table.waitFor();
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent ?? '')));
  }
}
