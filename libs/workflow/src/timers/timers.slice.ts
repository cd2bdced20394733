import type { CompiledBlueprint, UnmetCriterion } from '@crm/blueprint';
import { checkText } from '../record/command-problems';
import type { DecidedRecordEvent } from '../record/record-event';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting } from '../record/record-rules';
import type { ExistingRecord, PendingTimer } from '../record/record.state';
import { entryTasksOpened, tasksFollowingOwner } from '../tasks/entry-tasks';
import { fireTransition, transitionTitleOf } from '../transition/fire-transition';
import type { Timing } from './timing';
import type { TimerCommand } from './timers.commands';
import { TIMER_ACTOR } from './timers.commands';
import type { RecordStalled, TimerEvent, TimerFired } from './timers.events';
import type { OwnerChanged } from '../ownership/ownership.events';
import { teamLeft } from '../lead-pool/lead-pool.part';
import { scoreDecayed } from '../scoring/score-decay';

const fired = (record: ExistingRecord, timer: PendingTimer, message: string | null, outcome: 'done' | 'refused', unmet: readonly UnmetCriterion[] = []): TimerFired => ({
  type: 'TimerFired',
  data: { recordId: record.recordId, timerId: timer.timerId, timer: timer.timer, stage: timer.stage, action: timer.action, outcome, unmet, message, owner: record.owner },
});

/**
 * What a due timer does. `fire` goes through the same guards as a person's transition, as
 * `system:timer`; when they refuse, the refusal is stored (TimerFired, outcome refused) and a task asks
 * the owner to resolve it — an automation that cannot act says so rather than failing silently.
 */
const timerEffects = (record: ExistingRecord, timer: PendingTimer, blueprint: CompiledBlueprint, commandId: string, now: Date, timing: Timing): DecidedRecordEvent[] => {
  const message = blueprint.stage(timer.stage)?.timers?.find((definition) => definition.id === timer.timer)?.message ?? null;
  switch (timer.action.kind) {
    case 'remind':
    case 'escalate':
      return [fired(record, timer, message, 'done')];
    case 'stalled': {
      const stalled: RecordStalled = { type: 'RecordStalled', data: { recordId: record.recordId, stage: record.stage, since: record.stageEnteredAt } };
      return [fired(record, timer, message, 'done'), stalled];
    }
    case 'release': {
      if (record.owner === null) return [fired(record, timer, message, 'done')];
      const released: OwnerChanged = {
        type: 'OwnerChanged',
        data: { recordId: record.recordId, from: record.owner, to: null, reason: message ?? `timer ${timer.timer} returned it to the pool`, team: teamLeft(record.owner, timing) },
      };
      return [fired(record, timer, message, 'done'), released, ...tasksFollowingOwner(record.recordId, record.tasks, record.owner, null)];
    }
    case 'fire': {
      const event = timer.action.event;
      // The timer firing is no longer pending: leaving the stage cancels only the others.
      const remaining = { ...record, timers: record.timers.filter((pending) => pending.timerId !== timer.timerId) };
      const outcome = fireTransition({ record: remaining, blueprint, event, supplied: {}, actor: TIMER_ACTOR, reason: `timer ${timer.timer}`, commandId, now, timing, mayRequestApproval: false });
      if (outcome.kind === 'fired') return [fired(record, timer, message, 'done'), ...outcome.events];
      const unmet = outcome.kind === 'refused' ? outcome.unmet : [];
      const title = `Resolve: ${transitionTitleOf(blueprint, record.stage, event)} could not happen automatically (${unmet.map((criterion) => criterion.message).join('; ') || 'needs approval'})`;
      return [
        fired(record, timer, message, 'refused', unmet),
        ...entryTasksOpened(commandId, record.recordId, record.stage, record.owner, [{ id: `resolve_${event}`, title }], now),
      ];
    }
    case 'decay':
      return [fired(record, timer, message, 'done'), ...scoreDecayed(record, blueprint, timer, commandId)];
  }
};

/** Timers of stages: set on entering, cancelled on leaving, fired once when due. */
export const timersSlice = defineRecordSlice<TimerCommand, TimerEvent>({
  name: 'timers',
  commands: {
    FireTimer: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'timerId', command.timerId);
        return problems;
      },
      access: () => ({ action: 'automate' }),
      decide: (command, state, { blueprint, now, timing }) => {
        const record = requireExisting(state);
        const timer = record.timers.find((candidate) => candidate.timerId === command.timerId);
        // Fired already, or cancelled when the stage was left: nothing is due any more.
        if (timer === undefined) return [];
        return timerEffects(record, timer, blueprint, command.commandId, now, timing);
      },
    },
  },
  events: {
    TimerScheduled: {
      evolve: (draft, event) => {
        const { timerId, timer, stage, dueAt, action } = event.data;
        draft.timers.push({ timerId, timer, stage, dueAt, action });
      },
    },
    TimerCancelled: {
      evolve: (draft, event) => {
        draft.timers = draft.timers.filter((timer) => timer.timerId !== event.data.timerId);
      },
    },
    TimerFired: {
      evolve: (draft, event) => {
        draft.timers = draft.timers.filter((timer) => timer.timerId !== event.data.timerId);
      },
    },
    RecordStalled: {
      evolve: (draft, event) => {
        draft.stalledSince = event.data.since;
      },
    },
  },
});
