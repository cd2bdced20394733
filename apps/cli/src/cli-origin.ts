import { userInfo } from 'node:os';
import type { CommandOrigin } from '@crm/workflow';

/**
 * The operating-system account running the command. The CLI has file access, so it is no security
 * boundary, but the audit trail says who ran it beside the `--as` user (README, CLI). A process whose
 * uid has no account entry (some containers) is named by its uid.
 */
const osUserName = (): string => {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? 'unknown'}`;
  }
};

/** Where a command the CLI sends comes from, for every event it stores. */
export const cliOrigin = (): CommandOrigin => ({ via: 'cli', osUser: osUserName() });
