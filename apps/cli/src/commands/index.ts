import type { CliCommand } from '../cli-command';
import { absenceCancelCommand, absenceDeclareCommand, absenceListCommand } from './absence.command';
import { assignmentTestCommand } from './assignment-test.command';
import { auditFunnelCommand } from './audit-funnel.command';
import { blueprintDiagramCommand } from './blueprint-diagram.command';
import { blueprintDiffCommand } from './blueprint-diff.command';
import { blueprintWhatIfCommand } from './blueprint-what-if.command';
import { blueprintExportCommand } from './blueprint-export.command';
import { blueprintMigrateCommand } from './blueprint-migrate.command';
import { blueprintPublishCommand } from './blueprint-publish.command';
import { blueprintVersionsCommand } from './blueprint-versions.command';
import { blueprintShowCommand } from './blueprint-show.command';
import { blueprintValidateCommand } from './blueprint-validate.command';
import { explainFigureCommand } from './explain-figure.command';
import { catalogShowCommand } from './catalog-show.command';
import { forecastAccuracyCommand } from './forecast-accuracy.command';
import { forecastSnapshotCommand } from './forecast-snapshot.command';
import { importOwnersCommand } from './import-owners.command';
import { importRecordsCommand } from './import-records.command';
import { projectionsRebuildCommand } from './projections-rebuild.command';
import { projectionsRunCommand } from './projections-run.command';
import { projectionsStatusCommand } from './projections-status.command';
import { quotaSetCommand } from './quota-set.command';
import { recordAdvanceCommand } from './record-advance.command';
import { recordOpenCommand } from './record-open.command';
import { recordShowCommand } from './record-show.command';
import { replayCommand } from './replay.command';
import { reportAnalyticsCommand } from './report-analytics.command';
import { reportForecastCommand } from './report-forecast.command';
import { reportPipelineCommand } from './report-pipeline.command';
import { seedDemoCommand } from './seed-demo.command';
import { taskCompleteCommand } from './task-complete.command';
import { taskListCommand } from './task-list.command';

/** Every `crm` subcommand; a new one is a file in this folder and a line here. */
export const cliCommands: readonly CliCommand[] = [
  auditFunnelCommand,
  importRecordsCommand,
  importOwnersCommand,
  projectionsStatusCommand,
  projectionsRunCommand,
  projectionsRebuildCommand,
  replayCommand,
  reportPipelineCommand,
  reportForecastCommand,
  reportAnalyticsCommand,
  explainFigureCommand,
  forecastSnapshotCommand,
  forecastAccuracyCommand,
  quotaSetCommand,
  blueprintValidateCommand,
  catalogShowCommand,
  blueprintShowCommand,
  blueprintDiagramCommand,
  blueprintPublishCommand,
  blueprintVersionsCommand,
  blueprintDiffCommand,
  blueprintWhatIfCommand,
  blueprintExportCommand,
  blueprintMigrateCommand,
  recordOpenCommand,
  recordShowCommand,
  recordAdvanceCommand,
  taskListCommand,
  taskCompleteCommand,
  seedDemoCommand,
  assignmentTestCommand,
  absenceDeclareCommand,
  absenceListCommand,
  absenceCancelCommand,
];
