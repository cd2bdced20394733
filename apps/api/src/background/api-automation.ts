import { LeadAssignment, loadAssignmentRulesBeside } from '@crm/assignment';
import type { Clock } from '@crm/clock';
import { conversionMatchKey, phoneRegionOf, TimerScheduler, type Engine, type EngineConfig, type TimerNotice } from '@crm/engine';
import { RoleAccessPolicy, ROLES, type IdentityException, type Role, type UserDirectory } from '@crm/identity';
import { NotificationOutbox, type DeliveryNotice, type OutboxMode } from '@crm/notifications';
import type { ReadModelDatabase, StateChange } from '@crm/projection-runtime';
import { pendingDeliveriesIn, pendingTimersIn, recordsMatching } from '@crm/projections';
import type { ReactorStateChange } from '@crm/reactor-runtime';
import { LeadScoringReactors, type RecordLookup, type ScoringReactorsMode } from '@crm/workflow';
import type { LiveProjections } from './live-projections';

/** Where the API's background parts say what went wrong: Nest's logger on the request thread, a message from the worker. */
export interface AutomationLog {
  (level: 'error' | 'warn', context: string, message: string): void;
}

export const logUsersFileProblem =
  (log: AutomationLog) =>
  (problem: IdentityException): void =>
    log('error', 'Users', `the users file was changed but cannot be used; ${problem.message}`);

export const logTimerNotice =
  (log: AutomationLog) =>
  (notice: TimerNotice): void => {
    if (notice.kind === 'refused') log('warn', 'Timers', `timer ${notice.timer.timerId} of ${notice.timer.kind} "${notice.timer.recordId}" was refused and is set aside: ${notice.reason}`);
    else log('error', 'Timers', `firing due timers failed, trying again in ${notice.delayMs} ms: ${notice.reason}`);
  };

export const logProjectionFailures =
  (log: AutomationLog) =>
  (change: StateChange): void => {
    if (change.state === 'failed') log('error', 'Projections', `${change.projection} stopped at its checkpoint: ${change.error ?? 'unknown error'}`);
  };

const logReactorFailures =
  (log: AutomationLog) =>
  (change: ReactorStateChange): void => {
    if (change.state === 'failed') log('error', 'Reactors', `${change.reactor} stopped at its checkpoint: ${change.error ?? 'unknown error'}`);
  };

// Names deliveries only: a URL may carry a token in its query, and a secret is never logged.
const logDeliveryNotice =
  (log: AutomationLog) =>
  (notice: DeliveryNotice): void => {
    if (notice.kind === 'dead-lettered') log('warn', 'Webhooks', `delivery ${notice.deliveryId} failed every attempt of its series and is a dead letter (GET /webhooks/dead-letters)`);
    else log('error', 'Webhooks', `sending due webhook deliveries failed, trying again in ${notice.delayMs} ms: ${notice.reason}`);
  };

/** A role a person can hold (the engine's own, such as system, is none of them). */
const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/**
 * The engine's options as the API opens it. The conversion lookup reads the read models once they are
 * bound (`bind`): a conversion finds the accounts and contacts opened by hand there.
 */
export const apiEngineConfig = (parts: {
  readonly dataDirectory: string;
  readonly blueprintsDirectory: string;
  readonly clock: Clock;
  readonly users: () => UserDirectory;
  readonly log: AutomationLog;
}): { readonly config: Omit<EngineConfig, 'eventStore' | 'store'>; readonly bind: (readModels: ReadModelDatabase) => void } => {
  const { rules } = loadAssignmentRulesBeside(parts.blueprintsDirectory);
  let lookupModels: ReadModelDatabase | undefined;
  const keyOf = conversionMatchKey(phoneRegionOf(parts.blueprintsDirectory));
  const recordLookup: RecordLookup = {
    matching: async (kind, field, rule, key) => (lookupModels === undefined ? [] : recordsMatching(lookupModels.db, kind, field, key, (value) => keyOf(rule, value))),
  };
  const config: Omit<EngineConfig, 'eventStore' | 'store'> = {
    dataDirectory: parts.dataDirectory,
    blueprintsDirectory: parts.blueprintsDirectory,
    clock: parts.clock,
    policy: new RoleAccessPolicy(parts.users),
    teamOf: (user) => parts.users().teamOf(user),
    roleHolders: (role, team) => (isRole(role) ? parts.users().all().filter((user) => user.team === team && user.roles.includes(role)).map((user) => user.name) : null),
    pool: rules.pool,
    onCatalogError: (error) => parts.log('error', 'Blueprints', `stopped following published blueprint versions: ${String(error)}`),
    recordLookup,
  };
  return {
    config,
    bind: (readModels) => {
      lookupModels = readModels;
    },
  };
};

/** Manual runs of several processes hand the leases over quickly: a host waits for them. */
const MANUAL_STANDBY_POLL_MS = 20;

export interface AutomationModes {
  readonly scoring: ScoringReactorsMode;
  /** `loop`: fire timers as they fall due; `manual`: only when the host calls `timers.runDue()`. */
  readonly timers: 'loop' | 'manual';
  readonly outbox: OutboxMode;
}

/**
 * The API's automation: lead scoring, the notification outbox (reactors and webhook deliveries), the
 * timer scheduler, lead assignment and the engine's own reactors, put together in one place.
 */
export interface Automation {
  readonly scoring: LeadScoringReactors;
  readonly timers: TimerScheduler;
  readonly assignment: LeadAssignment;
  readonly outbox: NotificationOutbox;
  /** Starts what follows the log and the clock (in `manual` mode, what the host drives); the read models must be installed first. */
  start(): Promise<void>;
  /** Stops them, before the read models they read and the store they write close. */
  stop(): Promise<void>;
}

export const openAutomation = (parts: {
  readonly engine: Engine;
  readonly readModels: ReadModelDatabase;
  readonly projections: Pick<LiveProjections, 'waitForPosition'>;
  readonly users: () => UserDirectory;
  readonly blueprintsDirectory: string;
  readonly clock: Clock;
  readonly modes: AutomationModes;
  readonly log: AutomationLog;
}): Automation => {
  const { engine, readModels, clock, modes, log } = parts;
  const { rules, calendars } = loadAssignmentRulesBeside(parts.blueprintsDirectory);
  const scoring = new LeadScoringReactors({
    store: engine.store,
    commands: engine.commands,
    clock,
    mode: modes.scoring,
    ...(modes.scoring === 'manual' ? { reactors: { standbyPollMs: MANUAL_STANDBY_POLL_MS } } : {}),
    onStateChange: logReactorFailures(log),
  });
  const timers = new TimerScheduler({ commands: engine.commands, timers: pendingTimersIn(readModels.db), clock, onNotice: logTimerNotice(log) });
  // Claims and the router count open leads in the records read model brought to the head of the log.
  const assignment = new LeadAssignment({
    store: engine.store,
    clock,
    catalog: engine.catalog,
    records: engine.commands,
    rules,
    calendars,
    users: parts.users,
    readModels: readModels.db,
    caughtUp: async () => {
      const head = await engine.store.headPosition();
      if (head !== null) await parts.projections.waitForPosition(head);
    },
    automation: { onReactorStateChange: logReactorFailures(log) },
  });
  // The notification outbox (README, Notifications and webhooks): the webhooks read model tells the delivery worker what is due.
  const outbox = new NotificationOutbox({
    store: engine.store,
    clock,
    users: parts.users,
    deliveries: pendingDeliveriesIn(readModels.db),
    mode: modes.outbox,
    ...(modes.outbox === 'manual' ? { reactors: { standbyPollMs: MANUAL_STANDBY_POLL_MS } } : {}),
    onReactorStateChange: logReactorFailures(log),
    onDeliveryNotice: logDeliveryNotice(log),
  });
  return {
    scoring,
    timers,
    assignment,
    outbox,
    start: async () => {
      await scoring.start();
      // After the read models: the webhooks model tells the delivery worker what is due.
      await outbox.start();
      // After the read models are installed: the first pass fires every timer that fell due while the app was down.
      if (modes.timers === 'loop') timers.start();
      else timers.manual();
      // Routes leads that enter the pool, and restarts their return-to-pool clocks (when the rules file asks).
      await assignment.automation.start();
      // Carries out conversions a crash left under way (README, "Conversion").
      await engine.reactors.start();
    },
    stop: async () => {
      // Its reactors and deliveries write to the store and read the read models.
      await outbox.stop();
      // Its commands go to the store: it stops (and hands its lease back) before the store closes.
      await scoring.stop();
      // Before the read models it reads and the store it writes; the command under way completes.
      await timers.stop();
      await assignment.automation.stop();
      // Before the read models close: a conversion's lookup reads them.
      await engine.reactors.stop();
    },
  };
};
