import type { Page } from 'playwright-core';

export class BlueprintsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('table', { name: 'Transitions' }).waitFor();
  }

  async openDraftEditor(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Draft editor' }).click();
    await this.page.getByRole('textbox', { name: 'Blueprint YAML' }).waitFor();
  }

  /** Replaces the draft with this text, as pasted. */
  async replaceDraft(yaml: string): Promise<void> {
    const editor = this.page.getByRole('textbox', { name: 'Blueprint YAML' });
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(yaml);
  }

  async problems(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: 'Problems' });
    await list.waitFor();
    return list.getByRole('listitem').allInnerTexts();
  }
}
