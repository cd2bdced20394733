import type { Page } from 'playwright-core';

/** What every signed-in page has: the main navigation, the language, the live-updates badge. */
export class AppShell {
  constructor(private readonly page: Page) {}

  async goTo(section: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: section }).click();
  }

  async switchLanguage(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /Language|语言/ }).selectOption({ label });
  }

  async navigationLabels(): Promise<string[]> {
    return this.page.getByRole('navigation').getByRole('link').allInnerTexts();
  }

  /** Live updates are connected (the server-sent events stream said `ready`). */
  async waitUntilLive(): Promise<void> {
    await this.page.getByText(/^(Live|实时)$/).waitFor();
  }
}
