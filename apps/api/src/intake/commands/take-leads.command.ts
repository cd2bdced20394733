import { Command } from '@nestjs/cqrs';
import type { IntakeResult } from '@crm/intake';

export class TakeLeadsCommand extends Command<{ readonly batch: boolean; readonly results: IntakeResult[] }> {
  constructor(
    readonly presentedKey: string | undefined,
    readonly body: unknown,
  ) {
    super();
  }
}
