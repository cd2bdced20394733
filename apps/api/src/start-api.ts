import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadAssignmentRulesBeside } from '@crm/assignment';
import { formatProblem } from '@crm/blueprint';
import { systemClock, type Clock } from '@crm/clock';
import { Engine, type TimerScheduler } from '@crm/engine';
import type { LeadScoringReactors, ScoringReactorsMode } from '@crm/workflow';
import { BearerTokens, followUsersFile, loadOrCreateTokenSecret, type UserDirectory } from '@crm/identity';
import { ProjectionRunner, ReadModelDatabase } from '@crm/projection-runtime';
import type { NotificationOutbox, OutboxMode } from '@crm/notifications';
import { crmProjections, setTeams, type TeamAssignment } from '@crm/projections';
import { ApiModule } from './api.module';
import { ApiSettingsException, type ApiSettings } from './api-settings';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { frameworkErrorSettings, useStrictQueryStrings } from './http/framework-errors';
import { useStrictJsonBodies } from './http/json-body.parser';
import { requestValidationPipe } from './http/validation.pipe';
import { withNotificationOutbox } from './notifications/notification-outbox.module';
import { mountApiDocs } from './system/api-docs';
import { withTimerScheduler } from './system/timer-scheduler.module';
import { mountWebApp, webAppDirectory } from './web/web-app';
import { withLeadScoring } from './scoring/lead-scoring.module';
import { apiEngineConfig, logProjectionFailures, logUsersFileProblem, openAutomation, type AutomationLog, type AutomationModes } from './background/api-automation';
import { BackgroundWorker } from './background/background-worker';
import type { LiveProjections } from './background/live-projections';

export { localApiSettings } from './api-settings';

export interface RunningApi {
  readonly app: NestFastifyApplication;
  readonly engine: Engine;
  readonly url: string;
  readonly demoTokensFile: string | null;
  /** `read-models.sqlite` in the data directory, also when the events are in EventStoreDB. */
  readonly readModels: ReadModelDatabase;
  /** Keeps every read model live: within a second of an append while the app runs (in the background worker, or in this thread). */
  readonly projections: LiveProjections;
  /** The worker thread running the live projections (README, Architecture: the API process); null when they run in this thread. */
  readonly background: BackgroundWorker | null;
  /** The lead-scoring reactor (README, Blueprint reference, Scoring): a loop on the system clock, `runReactors()` by hand on an injected one. */
  readonly scoring: LeadScoringReactors;
  /** Fires due timers as `system:timer`: a loop on the system clock, `runDue()` by hand on an injected one. */
  readonly timers: TimerScheduler;
  /** Notifications and webhooks: reactors, inboxes, delivery worker; on an injected clock they run on `outbox.runDue()`. */
  readonly outbox: NotificationOutbox;
  close(): Promise<void>;
}

/** `loop`: fire timers as they fall due; `manual`: only when the host calls `timers.runDue()`. */
export type TimersMode = 'loop' | 'manual';

export interface StartApiOptions {
  readonly clock?: Clock;
  readonly logger?: false;
  /** Default: `loop` on the system clock, `manual` on an injected one (it moves only when its owner moves it). */
  readonly timers?: TimersMode;
  /** The lead-scoring reactor's mode, defaulted the same way. */
  readonly scoring?: ScoringReactorsMode;
  /** The notification outbox's mode (reactors and webhook deliveries), defaulted the same way. */
  readonly outbox?: OutboxMode;
  /**
   * Where the live projections run: `worker`, a worker thread with its own store and read-model
   * connections (the default on the system clock with SQLite), or `in-process`, on the request thread
   * (the default on an injected clock, which cannot cross threads, and on EventStoreDB).
   */
  readonly background?: BackgroundPlace;
}

export type BackgroundPlace = 'worker' | 'in-process';

/** A demo token that leaks stops working within a month; `npm start` writes new ones when the file is deleted. */
const DEMO_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;

/** `{ "<username>": { role, team, token } }` for every user, written once so a new user can try each role. */
const writeDemoTokens = (file: string, users: UserDirectory, tokens: BearerTokens): void => {
  const entries = users.all().map((user) => [user.id, { role: user.roles[0], roles: user.roles, team: user.team, token: tokens.issue(user, DEMO_TOKEN_LIFETIME_SECONDS) }]);
  writeFileSync(file, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`, { mode: 0o600 });
};

/**
 * The users file is where teams are declared for the API; pipeline and forecast group by the teams
 * table, so it follows the file on every start (an owners import via the CLI can add owners not in it).
 */
const teamAssignmentsOf = (users: UserDirectory): TeamAssignment[] => {
  const all = users.all();
  const managerOf = (team: string): string | null => all.find((user) => user.team === team && user.roles.includes('manager'))?.id ?? null;
  return all.flatMap((user) => (user.team ? [{ owner: user.id, team: user.team, manager: managerOf(user.team) }] : []));
};

/** Nest's logger, which `logger: false` silences like the rest of the app's logs. */
const nestLog: AutomationLog = (level, context, message) => {
  if (level === 'error') new Logger(context).error(message);
  else new Logger(context).warn(message);
};

/** The worker needs the system clock (an injected one cannot cross threads) and a store it can open a second connection to. */
const backgroundPlaceOf = (settings: ApiSettings, options: StartApiOptions): BackgroundPlace => {
  const possible = options.clock === undefined && settings.eventStore === 'sqlite';
  if (options.background === 'worker' && !possible) {
    throw new ApiSettingsException('the background worker needs the system clock and the SQLite store; start with background: "in-process"');
  }
  return options.background ?? (possible ? 'worker' : 'in-process');
};

/**
 * Opens the engine and the read models, then serves them over HTTP. Nothing here decides anything:
 * controllers dispatch to handlers, handlers go through the one command handler. The projections run in
 * a background worker thread (or in this thread, see `background`), the reactors and timers in this one,
 * from their checkpoints, so a restart resumes them where they stopped.
 */
export const startApi = async (settings: ApiSettings, options: StartApiOptions = {}): Promise<RunningApi> => {
  const clock = options.clock ?? systemClock;
  const place = backgroundPlaceOf(settings, options);
  // An injected clock only moves when its owner moves it; so, by default, does the automation it drives.
  const defaultMode = options.clock === undefined ? 'loop' : 'manual';
  const modes = { scoring: options.scoring ?? defaultMode, timers: options.timers ?? defaultMode, outbox: options.outbox ?? defaultMode };
  const readModelsDirectory = settings.readModelsDirectory ?? settings.dataDirectory;
  // Started first: the thread loads its code while this one opens the engine and the read models.
  const worker =
    place === 'worker'
      ? BackgroundWorker.spawn({ dataDirectory: settings.dataDirectory, readModelsDirectory }, nestLog)
      : null;
  try {
    return await startWith(settings, options, { clock, modes, readModelsDirectory, worker });
  } catch (error) {
    await worker?.stop();
    throw error;
  }
};

const startWith = async (
  settings: ApiSettings,
  options: StartApiOptions,
  { clock, modes, readModelsDirectory, worker }: { clock: Clock; modes: AutomationModes; readModelsDirectory: string; worker: BackgroundWorker | null },
): Promise<RunningApi> => {
  const { directory: users, created } = followUsersFile(settings.usersFile, logUsersFileProblem(nestLog), { oncePerTurn: true });
  const tokens = new BearerTokens(loadOrCreateTokenSecret(settings.dataDirectory, settings.tokenSecret), clock);
  // Checked before the store is touched, like the blueprints: a broken rules file starts nothing.
  loadAssignmentRulesBeside(settings.blueprintsDirectory);
  const { config, bind } = apiEngineConfig({ dataDirectory: settings.dataDirectory, blueprintsDirectory: settings.blueprintsDirectory, clock, users: () => users, log: nestLog });
  const engine = await Engine.open({ ...config, eventStore: { kind: settings.eventStore, connectionString: settings.eventStoreConnectionString } });
  // A skipped blueprint file is an operator's to fix; /health names it too.
  for (const problem of engine.blueprintProblems) new Logger('Blueprints').error(`skipped at start-up: ${formatProblem(problem)}`);

  const demoTokensFile = join(settings.dataDirectory, 'demo-tokens.json');
  if (created || !existsSync(demoTokensFile)) writeDemoTokens(demoTokensFile, users, tokens);

  // Opened after the engine, so a store that cannot open is the error a user sees first.
  let readModels: ReadModelDatabase;
  try {
    readModels = ReadModelDatabase.open({ directory: readModelsDirectory });
    setTeams(readModels.db, clock, teamAssignmentsOf(users));
  } catch (error) {
    await engine.close();
    throw error;
  }
  bind(readModels);
  // The worker's, which answer once it is open, or a runner in this thread.
  const projections: LiveProjections = worker ?? new ProjectionRunner({ store: engine.store, readModels, projections: crmProjections(), clock, onStateChange: logProjectionFailures(nestLog) });
  const automation = openAutomation({ engine, readModels, projections, users: () => users, blueprintsDirectory: settings.blueprintsDirectory, clock, modes, log: nestLog });
  const { scoring, timers, outbox, assignment } = automation;
  // The HTTP server first (no query may meet closed read models), then the automation and the runner, then the store.
  const closeParts = async (app: NestFastifyApplication | undefined): Promise<void> => {
    await app?.close();
    await automation.stop();
    await projections.stop();
    readModels.close();
    await engine.close();
  };

  let app: NestFastifyApplication | undefined;
  try {
    // The worker opens its connections and installs the read models while Nest builds the app.
    const starting = worker?.open({ store: engine.store, readModels, projections: crmProjections() });
    // Settled even if Nest fails first, so closing finds the worker to stop.
    starting?.catch(() => undefined);
    try {
      const adapter = new FastifyAdapter({ bodyLimit: settings.bodyLimit, ...frameworkErrorSettings });
      app = await NestFactory.create<NestFastifyApplication>(
        withNotificationOutbox(withTimerScheduler(withLeadScoring(ApiModule.register({ engine, users, tokens, settings, readModels, projections, assignment })), timers), outbox),
        adapter,
        {
          logger: options.logger ?? ['error', 'warn'],
          // JSON bodies are parsed by useStrictJsonBodies, which names what is malformed.
          bodyParser: false,
        },
      );
    } finally {
      await starting?.catch(() => undefined);
    }
    await starting;
    useStrictJsonBodies(app);
    useStrictQueryStrings(app);
    app.useGlobalFilters(new ApiExceptionFilter());
    app.useGlobalPipes(requestValidationPipe());
    // Before the API's routes are registered: the web app's catch-all keeps clear of their paths.
    mountWebApp(app, webAppDirectory());
    mountApiDocs(app);
    // Installs each read model (rebuilding one whose version changed), then catches up in the background.
    if (projections instanceof ProjectionRunner) await projections.start();
    await automation.start();
    await app.listen(settings.port, settings.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    const running = app;
    // Closing twice (a host's own stop, then its test's) closes once.
    let closing: Promise<void> | null = null;
    return {
      app: running,
      engine,
      url: `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${port}`,
      demoTokensFile,
      readModels,
      projections,
      background: worker,
      scoring,
      timers,
      outbox,
      close: () => (closing ??= closeParts(running)),
    };
  } catch (error) {
    await closeParts(app);
    throw error;
  }
};
