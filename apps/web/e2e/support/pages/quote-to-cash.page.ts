import type { Locator, Page } from 'playwright-core';

/** A table's rows as the user reads them: each cell's text, spaces as typed (Intl's narrow spaces made plain). */
const rowsOf = async (table: Locator): Promise<string[][]> =>
  (
    await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
    )
  ).filter((cells) => cells.length > 0);

export interface QuoteLineInput {
  readonly product: string;
  readonly quantity: string;
  readonly discount?: string;
}

/** The quote-to-cash parts of a record page: a quote's lines and versions, an order's money, a subscription's renewal. */
export class QuoteToCashPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, kind: string, id: string): Promise<void> {
    await this.page.goto(`${baseUrl}/record/${kind}/${encodeURIComponent(id)}`);
    await this.page.getByRole('heading', { name: 'Next steps' }).waitFor();
  }

  quoteSection(): Locator {
    return this.page.getByRole('region', { name: 'Quote lines' });
  }

  linesTable(within: Locator = this.quoteSection()): Locator {
    return within.getByRole('table', { name: 'Lines' });
  }

  async lineRows(within?: Locator): Promise<string[][]> {
    await this.linesTable(within).waitFor();
    return rowsOf(this.linesTable(within));
  }

  async totals(): Promise<string[]> {
    return (await rowsOf(this.quoteSection().getByRole('table', { name: 'Totals' }))).map((cells) => cells.join(' '));
  }

  async pricedWith(): Promise<string> {
    return ((await this.quoteSection().getByLabel('Priced with').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async shownVersion(): Promise<string> {
    return (await this.quoteSection().getByText(/^Version \d+ \((current|kept in history)\)$/).textContent()) ?? '';
  }

  /** Fills the lines editor (price book, tax region, then each line, adding rows as needed) and saves. */
  async priceLines(priceBook: string, taxRegion: string, lines: readonly QuoteLineInput[]): Promise<void> {
    const editor = this.page.getByRole('form', { name: 'Edit lines' });
    await editor.getByLabel('Price book').selectOption(priceBook);
    await editor.getByLabel('Tax region').selectOption(taxRegion);
    for (const [index, line] of lines.entries()) {
      const number = index + 1;
      if ((await editor.getByLabel(`Product, line ${number}`).count()) === 0) await editor.getByRole('button', { name: 'Add a line' }).click();
      await editor.getByLabel(`Product, line ${number}`).selectOption(line.product);
      await editor.getByLabel(`Quantity, line ${number}`).fill(line.quantity);
      await editor.getByLabel(`Discount %, line ${number}`).fill(line.discount ?? '');
    }
    await this.saveLines();
  }

  async setQuantity(line: number, quantity: string): Promise<void> {
    await this.page.getByRole('form', { name: 'Edit lines' }).getByLabel(`Quantity, line ${line}`).fill(quantity);
  }

  async saveLines(): Promise<void> {
    await this.page.getByRole('form', { name: 'Edit lines' }).getByRole('button', { name: 'Price and save lines' }).click();
  }

  linesRefusal(): Locator {
    return this.page.getByRole('form', { name: 'Edit lines' }).getByRole('alert');
  }

  async versions(): Promise<string[][]> {
    const table = this.quoteSection().getByRole('table', { name: 'Versions' });
    await table.waitFor();
    return rowsOf(table);
  }

  async showVersion(version: number): Promise<void> {
    await this.quoteSection().getByRole('button', { name: `Show version ${version}` }).click();
    await this.quoteSection().getByText(`Version ${version} (kept in history)`).waitFor();
  }

  async approvalHistory(): Promise<string[][]> {
    const table = this.quoteSection().getByRole('table', { name: 'Approvals asked and given' });
    await table.waitFor();
    return rowsOf(table);
  }

  orderSection(): Locator {
    return this.page.getByRole('region', { name: 'Order' });
  }

  async orderMoney(): Promise<string[]> {
    const table = this.orderSection().getByRole('table', { name: 'Money' });
    await table.waitFor();
    return (await rowsOf(table)).map((cells) => cells.join(' '));
  }

  async payments(): Promise<string[][]> {
    const table = this.orderSection().getByRole('table', { name: 'Payments received' });
    await table.waitFor();
    return rowsOf(table);
  }

  /** The order's copied lines, or [] when it says none were copied. */
  async orderLines(): Promise<string[][]> {
    const none = this.orderSection().getByText('No lines were copied to this order: it keeps the total only.');
    await this.orderSection().getByRole('table', { name: 'Lines' }).or(none).waitFor();
    return (await none.count()) > 0 ? [] : rowsOf(this.linesTable(this.orderSection()));
  }

  subscriptionSection(): Locator {
    return this.page.getByRole('region', { name: 'Subscription and renewal' });
  }

  /** The subscription's facts by label: contract end, term amount, renewal stage, outcome, renewal opportunity. */
  async subscriptionFact(label: string): Promise<string> {
    const fact = this.subscriptionSection().getByText(label, { exact: true }).locator('xpath=..');
    return ((await fact.textContent()) ?? '').replace(label, '').replace(/\s+/g, ' ').trim();
  }

  async renewalTasks(): Promise<string[][]> {
    const table = this.subscriptionSection().getByRole('table', { name: 'Renewal tasks' });
    await table.waitFor();
    return rowsOf(table);
  }

  healthScore(): Locator {
    return this.subscriptionSection().getByRole('group', { name: 'Health score' });
  }

  async accountSubscriptions(): Promise<string[][]> {
    const table = this.page.getByRole('region', { name: 'Subscriptions' }).getByRole('table', { name: 'Subscriptions' });
    await table.waitFor();
    return rowsOf(table);
  }
}
