import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { BearerTokens, UserDirectory } from '@crm/identity';
import { API_SETTINGS, BEARER_TOKENS, ENGINE, USER_DIRECTORY } from './api.tokens';
import type { ApiSettings } from './api-settings';
import { BlueprintsController } from './blueprints/blueprints.controller';
import { GetBlueprintHandler } from './blueprints/queries/get-blueprint.handler';
import { ListBlueprintsHandler } from './blueprints/queries/list-blueprints.handler';
import { BearerAuthGuard } from './identity/bearer-auth.guard';
import { AdvanceRecordHandler } from './records/commands/advance-record.handler';
import { OpenRecordHandler } from './records/commands/open-record.handler';
import { ReassignRecordHandler } from './records/commands/reassign-record.handler';
import { UpdateRecordFieldsHandler } from './records/commands/update-record-fields.handler';
import { GetRecordHandler } from './records/queries/get-record.handler';
import { RecordHistoryHandler } from './records/queries/record-history.handler';
import { RecordDesk } from './records/record-desk';
import { RecordsController } from './records/records.controller';
import { HealthController } from './system/health.controller';

export interface ApiParts {
  readonly engine: Engine;
  readonly users: UserDirectory;
  readonly tokens: BearerTokens;
  readonly settings: ApiSettings;
}

const COMMAND_HANDLERS = [OpenRecordHandler, UpdateRecordFieldsHandler, AdvanceRecordHandler, ReassignRecordHandler];
const QUERY_HANDLERS = [GetRecordHandler, RecordHistoryHandler, ListBlueprintsHandler, GetBlueprintHandler];

/** Controllers only dispatch; handlers do the work; the engine's parts come in ready-made. */
@Module({})
export class ApiModule {
  static register(parts: ApiParts): DynamicModule {
    return {
      module: ApiModule,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController, BlueprintsController, RecordsController],
      providers: [
        { provide: ENGINE, useValue: parts.engine },
        { provide: USER_DIRECTORY, useValue: parts.users },
        { provide: BEARER_TOKENS, useValue: parts.tokens },
        { provide: API_SETTINGS, useValue: parts.settings },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        RecordDesk,
        ...COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
      ],
    };
  }
}
