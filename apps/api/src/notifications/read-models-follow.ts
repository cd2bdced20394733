import { Logger } from '@nestjs/common';
import type { Position } from '@crm/event-store';
import type { LiveProjections } from '../background/live-projections';

/** How long an answer waits for the read models to show a write; they follow within a second (README, HTTP API). */
const READ_MODELS_FOLLOW_MS = 5_000;

/**
 * A client that marked a notification read, or made a subscription, lists next: the answer waits
 * (bounded) until the read models hold the write. The write is stored either way, so a read model that
 * lags only costs a warning.
 */
export const untilReadModelsHold = async (projections: LiveProjections, position: Position | null, area: string): Promise<void> => {
  if (position === null) return;
  try {
    await projections.waitForPosition(position, READ_MODELS_FOLLOW_MS);
  } catch (error) {
    new Logger(area).warn(`stored; the read models do not show it yet: ${error instanceof Error ? error.message : String(error)}`);
  }
};
