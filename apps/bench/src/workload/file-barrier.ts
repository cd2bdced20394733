import { existsSync } from 'node:fs';

const POLL_MS = 5;

/** Waits until every file exists: how processes of one case meet (ready, go, done) without a channel between them. */
export const waitForFiles = async (files: readonly string[]): Promise<void> => {
  while (!files.every((file) => existsSync(file))) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
};
