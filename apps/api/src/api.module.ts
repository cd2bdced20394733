import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { BearerTokens, UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import type { LiveProjections } from './background/live-projections';
import type { LeadAssignment } from '@crm/assignment';
import { AbsencesController } from './absences/absences.controller';
import { CancelAbsenceHandler } from './absences/commands/cancel-absence.handler';
import { DeclareAbsenceHandler } from './absences/commands/declare-absence.handler';
import { ListAbsencesHandler } from './absences/queries/list-absences.handler';
import { API_SETTINGS, BEARER_TOKENS, ENGINE, LEAD_ASSIGNMENT, ORDER_SECRETS, PROJECTION_RUNNER, READ_MODELS, USER_DIRECTORY } from './api.tokens';
import type { ApiSettings } from './api-settings';
import { BlueprintsController } from './blueprints/blueprints.controller';
import { MigrateRecordsHandler } from './blueprints/commands/migrate-records.handler';
import { PublishBlueprintHandler } from './blueprints/commands/publish-blueprint.handler';
import { PlanMigrationHandler } from './blueprints/queries/plan-migration.handler';
import { WhatIfHandler } from './blueprints/queries/what-if.handler';
import { SaveBlueprintDraftHandler } from './blueprints/commands/save-blueprint-draft.handler';
import { BlueprintDiffHandler } from './blueprints/queries/blueprint-diff.handler';
import { BlueprintDraftHandler } from './blueprints/queries/blueprint-draft.handler';
import { BlueprintVersionsHandler } from './blueprints/queries/blueprint-versions.handler';
import { ExportBlueprintHandler } from './blueprints/queries/export-blueprint.handler';
import { GetBlueprintHandler } from './blueprints/queries/get-blueprint.handler';
import { ListBlueprintsHandler } from './blueprints/queries/list-blueprints.handler';
import { TakeForecastSnapshotHandler } from './forecast/commands/take-forecast-snapshot.handler';
import { ForecastController } from './forecast/forecast.controller';
import { GetForecastAccuracyHandler } from './forecast/queries/get-forecast-accuracy.handler';
import { GetForecastHandler } from './forecast/queries/get-forecast.handler';
import { AnalyticsController } from './analytics/analytics.controller';
import { ExplainSalesFigureHandler } from './analytics/queries/explain-sales-figure.handler';
import { GetSalesAnalyticsHandler } from './analytics/queries/get-sales-analytics.handler';
import { FunnelController } from './funnel/funnel.controller';
import { GetFunnelHandler } from './funnel/queries/get-funnel.handler';
import { BearerAuthGuard } from './identity/bearer-auth.guard';
import { ClaimLeadHandler } from './lead-pool/commands/claim-lead.handler';
import { ReleaseLeadHandler } from './lead-pool/commands/release-lead.handler';
import { LeadPoolController } from './lead-pool/lead-pool.controller';
import { PipelineController } from './pipeline/pipeline.controller';
import { GetPipelineHandler } from './pipeline/queries/get-pipeline.handler';
import { RebuildProjectionHandler } from './projections/commands/rebuild-projection.handler';
import { ProjectionsController } from './projections/projections.controller';
import { ProjectionStatusesHandler } from './projections/queries/projection-statuses.handler';
import { AdvanceRecordHandler } from './records/commands/advance-record.handler';
import { CompleteTaskHandler } from './records/commands/complete-task.handler';
import { DecideApprovalHandler } from './records/commands/decide-approval.handler';
import { OpenRecordHandler } from './records/commands/open-record.handler';
import { ReassignRecordHandler } from './records/commands/reassign-record.handler';
import { UpdateRecordFieldsHandler } from './records/commands/update-record-fields.handler';
import { GetRecordHandler } from './records/queries/get-record.handler';
import { ListRecordsHandler } from './records/queries/list-records.handler';
import { RecordHistoryHandler } from './records/queries/record-history.handler';
import { RecordDesk } from './records/record-desk';
import { RecordsController } from './records/records.controller';
import { ApprovalsController } from './tasks/approvals.controller';
import { ListApprovalsHandler } from './tasks/queries/list-approvals.handler';
import { ListTasksHandler } from './tasks/queries/list-tasks.handler';
import { TasksController } from './tasks/tasks.controller';
import { HealthController } from './system/health.controller';
import { GetHealthHandler } from './system/queries/get-health.handler';
import { GetLivenessHandler } from './system/queries/get-liveness.handler';
import { WebModule } from './web/web.module';
import { CreateIntakeKeyHandler } from './intake/commands/create-intake-key.handler';
import { MergeLeadsHandler } from './intake/commands/merge-leads.handler';
import { RevokeIntakeKeyHandler } from './intake/commands/revoke-intake-key.handler';
import { TakeLeadsHandler } from './intake/commands/take-leads.handler';
import { IntakeController } from './intake/intake.controller';
import { IntakeDesk } from './intake/intake-desk';
import { ListIntakeKeysHandler } from './intake/queries/list-intake-keys.handler';
import { AcceptQuoteByLinkHandler } from './orders/commands/accept-quote-by-link.handler';
import { IssueAcceptanceLinkHandler } from './orders/commands/issue-acceptance-link.handler';
import { RecordPaymentHandler } from './orders/commands/record-payment.handler';
import { orderSecretsOf } from './orders/order-secrets';
import { OrdersController } from './orders/orders.controller';
import { PriceQuoteHandler } from './quotes/commands/price-quote.handler';
import { GetCatalogHandler } from './quotes/queries/get-catalog.handler';
import { GetQuoteDocumentHandler } from './quotes/queries/get-quote-document.handler';
import { GetQuoteLinesHandler } from './quotes/queries/get-quote-lines.handler';
import { CatalogController } from './quotes/catalog.controller';
import { QuotesController } from './quotes/quotes.controller';

export interface ApiParts {
  readonly engine: Engine;
  readonly users: UserDirectory;
  readonly tokens: BearerTokens;
  readonly settings: ApiSettings;
  readonly readModels: ReadModelDatabase;
  readonly projections: LiveProjections;
  readonly assignment: LeadAssignment;
}

const COMMAND_HANDLERS = [
  OpenRecordHandler,
  UpdateRecordFieldsHandler,
  AdvanceRecordHandler,
  ReassignRecordHandler,
  CompleteTaskHandler,
  DecideApprovalHandler,
  ClaimLeadHandler,
  ReleaseLeadHandler,
  TakeForecastSnapshotHandler,
  RebuildProjectionHandler,
  TakeLeadsHandler,
  CreateIntakeKeyHandler,
  RevokeIntakeKeyHandler,
  MergeLeadsHandler,
  DeclareAbsenceHandler,
  CancelAbsenceHandler,
  PublishBlueprintHandler,
  SaveBlueprintDraftHandler,
  MigrateRecordsHandler,
  RecordPaymentHandler,
  IssueAcceptanceLinkHandler,
  AcceptQuoteByLinkHandler,
  PriceQuoteHandler,
];
const QUERY_HANDLERS = [
  GetHealthHandler,
  GetLivenessHandler,
  GetRecordHandler,
  RecordHistoryHandler,
  ListRecordsHandler,
  ListTasksHandler,
  ListApprovalsHandler,
  ListBlueprintsHandler,
  GetBlueprintHandler,
  BlueprintVersionsHandler,
  BlueprintDiffHandler,
  ExportBlueprintHandler,
  BlueprintDraftHandler,
  PlanMigrationHandler,
  WhatIfHandler,
  GetPipelineHandler,
  GetForecastHandler,
  GetForecastAccuracyHandler,
  GetFunnelHandler,
  GetSalesAnalyticsHandler,
  ExplainSalesFigureHandler,
  ProjectionStatusesHandler,
  ListIntakeKeysHandler,
  ListAbsencesHandler,
  GetQuoteLinesHandler,
  GetQuoteDocumentHandler,
  GetCatalogHandler,
];

/** Controllers only dispatch; handlers do the work; the engine's parts come in ready-made. */
@Module({})
export class ApiModule {
  static register(parts: ApiParts): DynamicModule {
    return {
      module: ApiModule,
      imports: [CqrsModule.forRoot(), WebModule.register(parts)],
      controllers: [
        HealthController,
        BlueprintsController,
        RecordsController,
        LeadPoolController,
        TasksController,
        ApprovalsController,
        PipelineController,
        ForecastController,
        FunnelController,
        AnalyticsController,
        ProjectionsController,
        IntakeController,
        AbsencesController,
        OrdersController,
        QuotesController,
        CatalogController,
      ],
      providers: [
        { provide: ENGINE, useValue: parts.engine },
        { provide: USER_DIRECTORY, useValue: parts.users },
        { provide: BEARER_TOKENS, useValue: parts.tokens },
        { provide: API_SETTINGS, useValue: parts.settings },
        { provide: READ_MODELS, useValue: parts.readModels },
        { provide: PROJECTION_RUNNER, useValue: parts.projections },
        { provide: LEAD_ASSIGNMENT, useValue: parts.assignment },
        { provide: ORDER_SECRETS, useValue: orderSecretsOf(parts.settings) },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        RecordDesk,
        IntakeDesk,
        ...COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
      ],
    };
  }
}
