import type { Locator, Page } from 'playwright-core';

/** The pipeline board as a user sees it: columns by stage title, cards by deal name. */
export class BoardPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/board`);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Pipeline board' }).waitFor();
    await this.page.locator('section[aria-label]').first().waitFor();
  }

  column(stageTitle: string): Locator {
    return this.page.locator(`section[aria-label="${stageTitle}"]`);
  }

  card(dealName: string): Locator {
    return this.page.getByRole('article', { name: dealName, exact: true });
  }

  cardIn(stageTitle: string, dealName: string): Locator {
    return this.column(stageTitle).getByRole('article', { name: dealName, exact: true });
  }

  async columnCount(stageTitle: string): Promise<string> {
    return this.column(stageTitle).locator('h2 + p').innerText();
  }

  /** Drags with the mouse, in steps, as a person does: dnd-kit starts a drag after a few pixels. */
  async dragCard(dealName: string, stageTitle: string): Promise<void> {
    const card = this.card(dealName);
    await card.scrollIntoViewIfNeeded();
    const from = await card.boundingBox();
    const target = await this.column(stageTitle).boundingBox();
    if (from === null || target === null) throw new Error(`cannot drag ${dealName} to ${stageTitle}: not on screen`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height - 12);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height - 10, { steps: 3 });
    await this.page.mouse.move(target.x + target.width / 2, target.y + 160, { steps: 15 });
    await this.page.mouse.up();
  }

  /** The keyboard path: focus the card's move menu, open it, choose the stage, all with keys. */
  async moveWithKeyboard(dealName: string, stageTitle: string): Promise<void> {
    const menuButton = this.page.getByRole('button', { name: `Move ${dealName}` });
    await menuButton.focus();
    await this.page.keyboard.press('Enter');
    const item = this.page.getByRole('menuitem', { name: stageTitle });
    await item.waitFor();
    await item.focus();
    await this.page.keyboard.press('Enter');
  }

  async filterBy(filter: 'Owner' | 'Team' | 'Product' | 'Close quarter', value: string): Promise<void> {
    await this.page.getByRole('search').getByRole('combobox', { name: filter }).selectOption(value === 'All' ? { label: 'All' } : value);
  }

  notice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ });
  }
}
