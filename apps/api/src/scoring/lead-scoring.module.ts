import type { DynamicModule } from '@nestjs/common';
import { ActivitiesController } from './activities.controller';
import { RecordActivityHandler } from './commands/record-activity.handler';

/** `module` (the API's root) with the activities route and its handler beside its own, so they inject the root's parts. */
export const withLeadScoring = (module: DynamicModule): DynamicModule => ({
  ...module,
  controllers: [...(module.controllers ?? []), ActivitiesController],
  providers: [...(module.providers ?? []), RecordActivityHandler],
});
