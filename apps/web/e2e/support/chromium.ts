import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); never a browser download. `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export const browserMissing = (): string | null =>
  existsSync(CHROMIUM_PATH)
    ? null
    : `browser tests skipped: no Chromium at ${CHROMIUM_PATH}; install it with "apt-get install -y chromium" (.ci/run does so as root), then run "NX_DAEMON=false npx nx test web-e2e"`;

/** Headless, and kept off the network: without these flags Chromium keeps calling addresses outside this machine. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
