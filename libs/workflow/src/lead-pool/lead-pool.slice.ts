import { addPlainTime, type CompiledBlueprint, type TimerDefinition } from '@crm/blueprint';
import { parseIsoDateTime } from '@crm/clock';
import { checkText } from '../record/command-problems';
import type { RecordCommandBase } from '../record/record-command';
import type { DecidedRecordEvent } from '../record/record-event';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting } from '../record/record-rules';
import type { ExistingRecord } from '../record/record.state';
import type { OwnerChanged } from '../ownership/ownership.events';
import { tasksFollowingOwner } from '../tasks/entry-tasks';
import { timerScheduled, timersRestartedForOwner } from '../timers/stage-timers';
import type { TimerCancelled } from '../timers/timers.events';
import type { Timing } from '../timers/timing';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { LeadPoolCommand } from './lead-pool.commands';
import type { LeadPoolEvent, LeadPooled } from './lead-pool.events';
import { leadPoolOf, poolAfterLeadPooled, teamLeft } from './lead-pool.part';
import { NO_POOL_RULES, POOL_INACTIVITY_TIMER } from './pool-settings';

/** The pool is for leads (the access policy's `pool.leads-only`): every other record answers for an owner. */
const leadsOnly = (problems: string[], command: RecordCommandBase): void => {
  if (command.kind !== 'lead') problems.push(`kind: only leads have a pool, not ${command.kind}`);
};

const checkNullableText = (problems: string[], name: string, value: unknown): void => {
  if (value !== null) checkText(problems, name, value);
};

const requireOpenLead = (record: ExistingRecord): void => {
  if (record.status === 'closed') {
    throw new WorkflowException(WorkflowExceptionCode.RECORD_CLOSED, `lead "${record.recordId}" is in final stage "${record.stage}"; it is no longer in play`, {
      stage: record.stage,
    });
  }
};

/** The lead becomes `owner`'s: their open tasks follow, and the owner's clocks of the stage start afresh for them. */
const takenFromPool = (
  record: ExistingRecord,
  owner: string,
  why: { readonly reason: string; readonly rule?: string },
  blueprint: CompiledBlueprint,
  timing: Timing,
  commandId: string,
  now: Date,
): DecidedRecordEvent[] => {
  const changed: OwnerChanged = { type: 'OwnerChanged', data: { recordId: record.recordId, from: null, to: owner, ...why } };
  return [
    changed,
    ...tasksFollowingOwner(record.recordId, record.tasks, null, owner),
    ...timersRestartedForOwner(record, blueprint, timing.plannerFor(owner, now), commandId, now),
  ];
};

/** When a rep who lost the lead to the pool may claim it back (null: now). */
const cooldownEnd = (record: ExistingRecord, rep: string, cooldown: string | null): Date | null => {
  const left = leadPoolOf(record).left[rep];
  return cooldown === null || left === undefined ? null : addPlainTime(new Date(left), cooldown);
};

/** The inactivity timer as a timer definition, so it is dated by the same planner and fired by the same scheduler as a stage's. */
const inactivityTimer = (returnAfter: { readonly after: string; readonly calendar?: string }): TimerDefinition => ({
  id: POOL_INACTIVITY_TIMER,
  after: returnAfter.after,
  ...(returnAfter.calendar === undefined ? {} : { calendar: returnAfter.calendar }),
  then: { kind: 'release' },
});

/**
 * The lead pool (README, Lead pool): assignment by the rules, pooling when no rep can take a lead,
 * claims under a cap and a cool-down, releases with a reason, and the return to the pool after a time
 * without activity.
 */
export const leadPoolSlice = defineRecordSlice<LeadPoolCommand, LeadPoolEvent>({
  name: 'lead-pool',
  commands: {
    AssignLead: {
      problems: (command) => {
        const problems: string[] = [];
        leadsOnly(problems, command);
        checkText(problems, 'owner', command.owner);
        checkText(problems, 'rule', command.rule);
        checkText(problems, 'reason', command.reason, 500);
        return problems;
      },
      access: () => ({ action: 'automate' }),
      decide: (command, state, { blueprint, now, timing }) => {
        const record = requireExisting(state);
        // Claimed or closed since the rules were asked: the lead is no longer the rules' to give.
        if (record.status === 'closed' || record.owner !== null) return [];
        return takenFromPool(record, command.owner, { rule: command.rule, reason: command.reason }, blueprint, timing, command.commandId, now);
      },
    },
    PoolLead: {
      problems: (command) => {
        const problems: string[] = [];
        leadsOnly(problems, command);
        checkNullableText(problems, 'team', command.team);
        checkNullableText(problems, 'rule', command.rule);
        checkText(problems, 'reason', command.reason, 500);
        return problems;
      },
      access: () => ({ action: 'automate' }),
      decide: (command, state) => {
        const record = requireExisting(state);
        if (record.status === 'closed' || record.owner !== null) return [];
        // No rule named a team (none matched): a lead returned to its owner's team pool stays there.
        const team = command.team ?? leadPoolOf(record).team;
        const pooled: LeadPooled = { type: 'LeadPooled', data: { recordId: record.recordId, team, rule: command.rule, reason: command.reason } };
        return [pooled];
      },
    },
    ClaimLead: {
      facts: ['held'],
      problems: (command) => {
        const problems: string[] = [];
        leadsOnly(problems, command);
        if (!Number.isSafeInteger(command.held) || command.held < 0) problems.push('held: expected a whole number ≥ 0');
        return problems;
      },
      // A claim is a reassignment to oneself: for reps, rule `rep.claim-pool-lead` (their team's pool only).
      access: (command) => ({ action: 'reassign', newOwner: command.actor.id }),
      decide: (command, state, { blueprint, now, timing, pool = NO_POOL_RULES }) => {
        const record = requireExisting(state);
        requireOpenLead(record);
        const claimer = command.actor.id;
        if (record.owner === claimer) return [];
        if (record.owner !== null) {
          throw new WorkflowException(WorkflowExceptionCode.LEAD_NOT_IN_POOL, `lead "${record.recordId}" has an owner; only unowned leads can be claimed`, {});
        }
        const until = cooldownEnd(record, claimer, pool.cooldown);
        if (until !== null && now < until) {
          throw new WorkflowException(
            WorkflowExceptionCode.CLAIM_COOLDOWN,
            `${claimer} lost lead "${record.recordId}" to the pool less than ${pool.cooldown} ago; they may claim it again from ${until.toISOString()}`,
            { until: until.toISOString(), cooldown: pool.cooldown },
          );
        }
        if (pool.claimCap !== null && command.held >= pool.claimCap) {
          throw new WorkflowException(
            WorkflowExceptionCode.CLAIM_CAP_REACHED,
            `${claimer} holds ${command.held} open leads; the pool lets a rep hold at most ${pool.claimCap} when claiming`,
            { cap: pool.claimCap, held: command.held },
          );
        }
        return takenFromPool(record, claimer, { reason: 'claimed from the pool' }, blueprint, timing, command.commandId, now);
      },
    },
    ReleaseLead: {
      problems: (command) => {
        const problems: string[] = [];
        leadsOnly(problems, command);
        checkText(problems, 'reason', command.reason, 500);
        return problems;
      },
      // Whoever may change the lead may give it back: its owner, their manager, an admin.
      access: () => ({ action: 'update' }),
      decide: (command, state, { timing }) => {
        const record = requireExisting(state);
        requireOpenLead(record);
        if (record.owner === null) {
          throw new WorkflowException(WorkflowExceptionCode.LEAD_ALREADY_IN_POOL, `lead "${record.recordId}" is in the pool already; nobody holds it`, {});
        }
        const released: OwnerChanged = {
          type: 'OwnerChanged',
          data: { recordId: record.recordId, from: record.owner, to: null, reason: command.reason, team: teamLeft(record.owner, timing) },
        };
        return [released, ...tasksFollowingOwner(record.recordId, record.tasks, record.owner, null)];
      },
    },
    KeepLeadActive: {
      problems: (command) => {
        const problems: string[] = [];
        leadsOnly(problems, command);
        if (typeof command.activityAt !== 'string' || parseIsoDateTime(command.activityAt) === null) problems.push('activityAt: expected an ISO-8601 date-time with offset');
        return problems;
      },
      access: () => ({ action: 'automate' }),
      decide: (command, state, { timing, pool = NO_POOL_RULES }) => {
        const record = requireExisting(state);
        if (pool.returnAfter === null || record.status === 'closed' || record.owner === null) return [];
        const since = new Date(command.activityAt);
        const timer = inactivityTimer(pool.returnAfter);
        const dueInMs = timing.plannerFor(record.owner, since).dueIn(timer, record.fields);
        if (!Number.isFinite(dueInMs)) return [];
        const dueAt = new Date(since.getTime() + dueInMs).toISOString();
        const pending = record.timers.filter((candidate) => candidate.timer === POOL_INACTIVITY_TIMER);
        // Later activity already set it further out (a redelivery, or news of older activity): nothing changes.
        if (pending.some((candidate) => candidate.stage === record.stage && candidate.dueAt >= dueAt)) return [];
        const cancelled = pending.map((candidate): TimerCancelled => ({ type: 'TimerCancelled', data: { recordId: record.recordId, timerId: candidate.timerId, reason: 'rescheduled' } }));
        return [...cancelled, timerScheduled(command.commandId, record.recordId, { stage: record.stage, timer, dueInMs }, since)];
      },
    },
  },
  events: {
    LeadPooled: { evolve: poolAfterLeadPooled },
  },
});
