import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LeadAssignment, loadAssignmentRulesBeside } from '@crm/assignment';
import { formatProblem } from '@crm/blueprint';
import { systemClock, type Clock } from '@crm/clock';
import { conversionMatchKey, Engine, phoneRegionOf, TimerScheduler, type TimerNotice } from '@crm/engine';
import type { LeadScoringReactors, RecordLookup, ScoringReactorsMode } from '@crm/workflow';
import { BearerTokens, followUsersFile, loadOrCreateTokenSecret, RoleAccessPolicy, ROLES, type IdentityException, type Role, type UserDirectory } from '@crm/identity';
import { ProjectionRunner, ReadModelDatabase, type StateChange } from '@crm/projection-runtime';
import type { ReactorStateChange } from '@crm/reactor-runtime';
import type { NotificationOutbox, OutboxMode } from '@crm/notifications';
import { crmProjections, pendingTimersIn, recordsMatching, setTeams, type TeamAssignment } from '@crm/projections';
import { ApiModule } from './api.module';
import type { ApiSettings } from './api-settings';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { frameworkErrorSettings, useStrictQueryStrings } from './http/framework-errors';
import { useStrictJsonBodies } from './http/json-body.parser';
import { requestValidationPipe } from './http/validation.pipe';
import { withNotificationOutbox } from './notifications/notification-outbox.module';
import { openNotificationOutbox } from './notifications/open-notification-outbox';
import { mountApiDocs } from './system/api-docs';
import { withTimerScheduler } from './system/timer-scheduler.module';
import { mountWebApp, webAppDirectory } from './web/web-app';
import { openLeadScoring, withLeadScoring } from './scoring/lead-scoring.module';

export interface RunningApi {
  readonly app: NestFastifyApplication;
  readonly engine: Engine;
  readonly url: string;
  readonly demoTokensFile: string | null;
  /** `read-models.sqlite` in the data directory, also when the events are in EventStoreDB. */
  readonly readModels: ReadModelDatabase;
  /** Keeps every read model live: within a second of an append while the app runs. */
  readonly projections: ProjectionRunner;
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
}

/** A demo token that leaks stops working within a month; `npm start` writes new ones when the file is deleted. */
const DEMO_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;

/** A role a person can hold (the engine's own, such as system, is none of them). */
const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** `{ "<username>": { role, team, token } }` for every user, written once so a new user can try each role. */
const writeDemoTokens = (file: string, users: UserDirectory, tokens: BearerTokens): void => {
  const entries = users.all().map((user) => [user.id, { role: user.roles[0], roles: user.roles, team: user.team, token: tokens.issue(user, DEMO_TOKEN_LIFETIME_SECONDS) }]);
  writeFileSync(file, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`, { mode: 0o600 });
};

const logUsersFileProblem = (problem: IdentityException): void => {
  new Logger('Users').error(`the users file was changed but cannot be used; ${problem.message}`);
};

const logTimerNotice = (notice: TimerNotice): void => {
  const logger = new Logger('Timers');
  if (notice.kind === 'refused') {
    logger.warn(`timer ${notice.timer.timerId} of ${notice.timer.kind} "${notice.timer.recordId}" was refused and is set aside: ${notice.reason}`);
  } else {
    logger.error(`firing due timers failed, trying again in ${notice.delayMs} ms: ${notice.reason}`);
  }
};

const logProjectionFailures = (change: StateChange): void => {
  if (change.state === 'failed') new Logger('Projections').error(`${change.projection} stopped at its checkpoint: ${change.error ?? 'unknown error'}`);
};

const logReactorFailures = (change: ReactorStateChange): void => {
  if (change.state === 'failed') new Logger('Reactors').error(`${change.reactor} stopped at its checkpoint: ${change.error ?? 'unknown error'}`);
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

/**
 * Opens the engine and the read models, then serves them over HTTP. Nothing here decides anything:
 * controllers dispatch to handlers, handlers go through the one command handler. The projections run
 * in this process from their checkpoints, so a restart resumes them where they stopped.
 */
export const startApi = async (settings: ApiSettings, options: StartApiOptions = {}): Promise<RunningApi> => {
  const clock = options.clock ?? systemClock;
  // An injected clock only moves when its owner moves it; so, by default, does the automation it drives.
  const scoringMode = options.scoring ?? (options.clock === undefined ? 'loop' : 'manual');
  const timersMode = options.timers ?? (options.clock === undefined ? 'loop' : 'manual');
  const { directory: users, created } = followUsersFile(settings.usersFile, logUsersFileProblem);
  const tokens = new BearerTokens(loadOrCreateTokenSecret(settings.dataDirectory, settings.tokenSecret), clock);
  // Checked before the store is touched, like the blueprints: a broken rules file starts nothing.
  const { rules, calendars } = loadAssignmentRulesBeside(settings.blueprintsDirectory);
  // Bound once the read models are open: a conversion finds the accounts and contacts opened by hand there.
  let lookupModels: ReadModelDatabase | undefined;
  const keyOf = conversionMatchKey(phoneRegionOf(settings.blueprintsDirectory));
  const recordLookup: RecordLookup = {
    matching: async (kind, field, rule, key) => (lookupModels === undefined ? [] : recordsMatching(lookupModels.db, kind, field, key, (value) => keyOf(rule, value))),
  };
  const engine = await Engine.open({
    dataDirectory: settings.dataDirectory,
    blueprintsDirectory: settings.blueprintsDirectory,
    eventStore: { kind: settings.eventStore, connectionString: settings.eventStoreConnectionString },
    clock,
    policy: new RoleAccessPolicy(() => users),
    teamOf: (user) => users.teamOf(user),
    roleHolders: (role, team) => (isRole(role) ? users.all().filter((user) => user.team === team && user.roles.includes(role)).map((user) => user.name) : null),
    pool: rules.pool,
    onCatalogError: (error) => new Logger('Blueprints').error(`stopped following published blueprint versions: ${String(error)}`),
    recordLookup,
  });
  // A skipped blueprint file is an operator's to fix; /health names it too.
  for (const problem of engine.blueprintProblems) new Logger('Blueprints').error(`skipped at start-up: ${formatProblem(problem)}`);

  const demoTokensFile = join(settings.dataDirectory, 'demo-tokens.json');
  if (created || !existsSync(demoTokensFile)) writeDemoTokens(demoTokensFile, users, tokens);

  // Opened after the engine, so a store that cannot open is the error a user sees first.
  let readModels: ReadModelDatabase;
  try {
    readModels = ReadModelDatabase.open({ directory: settings.readModelsDirectory ?? settings.dataDirectory });
    setTeams(readModels.db, clock, teamAssignmentsOf(users));
  } catch (error) {
    await engine.close();
    throw error;
  }
  lookupModels = readModels;
  const projections = new ProjectionRunner({
    store: engine.store,
    readModels,
    projections: crmProjections(),
    clock,
    onStateChange: logProjectionFailures,
  });
  const scoring = openLeadScoring({ engine, clock, mode: scoringMode });
  const timers = new TimerScheduler({ commands: engine.commands, timers: pendingTimersIn(readModels.db), clock, onNotice: logTimerNotice });
  // Claims and the router count open leads in the records read model brought to the head of the log.
  const assignment = new LeadAssignment({
    store: engine.store,
    clock,
    catalog: engine.catalog,
    records: engine.commands,
    rules,
    calendars,
    users: () => users,
    readModels: readModels.db,
    caughtUp: async () => {
      const head = await engine.store.headPosition();
      if (head !== null) await projections.waitForPosition(head);
    },
    automation: { onReactorStateChange: logReactorFailures },
  });
  // An injected clock is driven by its owner, and by default so is the outbox: reactors and deliveries run when it asks.
  const outbox = openNotificationOutbox({ engine, readModels, users, clock, mode: options.outbox ?? (options.clock === undefined ? 'loop' : 'manual') });
  // The HTTP server first (no query may meet closed read models), then the reactors and the runner, then the store.
  const closeParts = async (app: NestFastifyApplication | undefined): Promise<void> => {
    await app?.close();
    // Its reactors and deliveries write to the store and read the read models.
    await outbox.stop();
    // Its commands go to the store: it stops (and hands its lease back) before the store closes.
    await scoring.stop();
    // Before the read models it reads and the store it writes; the command under way completes.
    await timers.stop();
    await assignment.automation.stop();
    // Before the read models close: a conversion's lookup reads them.
    await engine.reactors.stop();
    await projections.stop();
    readModels.close();
    await engine.close();
  };

  let app: NestFastifyApplication | undefined;
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
    useStrictJsonBodies(app);
    useStrictQueryStrings(app);
    app.useGlobalFilters(new ApiExceptionFilter());
    app.useGlobalPipes(requestValidationPipe());
    // Before the API's routes are registered: the web app's catch-all keeps clear of their paths.
    mountWebApp(app, webAppDirectory());
    mountApiDocs(app);
    // Installs each read model (rebuilding one whose version changed), then catches up in the background.
    await projections.start();
    await scoring.start();
    // After the read models: the webhooks model tells the delivery worker what is due.
    await outbox.start();
    // After the read models are installed: the first pass fires every timer that fell due while the app was down.
    if (timersMode === 'loop') timers.start();
    else timers.manual();
    // Routes leads that enter the pool, and restarts their return-to-pool clocks (when the rules file asks).
    await assignment.automation.start();
    // Carries out conversions a crash left under way (README, "Conversion").
    await engine.reactors.start();
    await app.listen(settings.port, settings.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    const running = app;
    return {
      app: running,
      engine,
      url: `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${port}`,
      demoTokensFile,
      readModels,
      projections,
      scoring,
      timers,
      outbox,
      close: () => closeParts(running),
    };
  } catch (error) {
    await closeParts(app);
    throw error;
  }
};
