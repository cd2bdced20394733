import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  /** Chooses a demo user from the list the sign-in page shows while the demo users file is in use. */
  async signInAs(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Sign in as ${name}` }).click();
    await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  async demoUserNames(): Promise<string[]> {
    await this.page.getByRole('heading', { name: 'Demo users' }).waitFor();
    const buttons = await this.page.getByRole('button', { name: /^Sign in as / }).all();
    return Promise.all(buttons.map(async (button) => ((await button.getAttribute('aria-label')) ?? '').replace('Sign in as ', '')));
  }
}
