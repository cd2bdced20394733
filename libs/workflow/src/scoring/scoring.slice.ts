import { parseIsoDateTime } from '@crm/clock';
import type { CompiledBlueprint, FieldValue, FieldValues } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import { isPlainObject, shown } from '../record/command-problems';
import type { DecidedRecordEvent } from '../record/record-event';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting } from '../record/record-rules';
import type { ExistingRecord, RecordState } from '../record/record.state';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import { recordScore } from './record-score.part';
import { decayTimerIfNeeded, scoreChanged } from './score-changes';
import { activityChanges, applyScoreChanges, attributeChanges, NO_SCORE, type RecordScore } from './score-rules';
import type { ScoringCommand } from './scoring.commands';
import type { FieldsChanged, RecordOpened } from '../core/core.events';
import type { ActivityRecorded, ScoreChanged, ScoringEvent } from './scoring.events';

const ACTIVITY = /^[a-z][a-z0-9_]{0,63}$/;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_DETAILS = 20;
const MAX_DETAIL_TEXT = 2_000;
/** Another system's clock may run a little ahead of ours; an activity further ahead has not happened yet. */
const CLOCK_DIFFERENCE_MS = 5 * 60_000;

const detailPath = (key: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `details.${key}` : `details[${JSON.stringify(key.slice(0, 60))}]`);

const isDetailValue = (value: unknown): boolean =>
  (typeof value === 'string' && value.length <= MAX_DETAIL_TEXT) || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** What is wrong with an activity's details (at most 20 short values under plain keys), each naming its path. */
export const activityDetailProblems = (details: unknown): string[] => {
  if (details === undefined) return [];
  if (!isPlainObject(details)) return [`details: expected an object of short values, got ${shown(details)}`];
  const entries = Object.entries(details);
  if (entries.length > MAX_DETAILS) return [`details: expected at most ${MAX_DETAILS} details, got ${entries.length}`];
  return entries.flatMap(([key, value]) => [
    ...(DETAIL_KEY.test(key) ? [] : [`${detailPath(key)}: expected a key of letters, digits and _ (starting with a letter), at most 64 characters`]),
    ...(isDetailValue(value) ? [] : [`${detailPath(key)}: expected text of at most ${MAX_DETAIL_TEXT} characters, a number or true/false`]),
  ]);
};

const unknownActivity = (blueprint: CompiledBlueprint, activity: string): WorkflowException => {
  const available = (blueprint.definition.scoring?.behaviours ?? []).map((rule) => rule.activity);
  const kind = blueprint.definition.kind;
  return new WorkflowException(
    WorkflowExceptionCode.UNKNOWN_ACTIVITY,
    available.length === 0 ? `${kind} blueprint scores no activities ("${activity}" cannot be recorded)` : `${kind} blueprint scores no activity "${activity}"; known: ${available.join(', ')}`,
    { activity, available },
  );
};

const requireOpenForActivities = (record: ExistingRecord): void => {
  if (record.status === 'closed') {
    throw new WorkflowException(WorkflowExceptionCode.RECORD_CLOSED, `${record.kind} "${record.recordId}" is in final stage "${record.stage}"; it takes no more activities`, {
      stage: record.stage,
    });
  }
};

const occurredAtOf = (text: string | undefined, now: Date): Date => {
  const occurredAt = text === undefined ? now : parseIsoDateTime(text);
  // The command's own check refused a text that does not parse.
  if (occurredAt === null) throw new Error(`occurredAt ${text ?? ''} passed the command's check without parsing`);
  if (occurredAt.getTime() > now.getTime() + CLOCK_DIFFERENCE_MS) {
    const problem = `occurredAt: ${text ?? ''} is in the future (now is ${now.toISOString()}; up to 5 minutes of clock difference are allowed)`;
    throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `invalid RecordActivity command: ${problem}`, { problems: [problem] });
  }
  return occurredAt;
};

// Decided events are narrowed by their type name: only the slice that declares a type decides events of it.
const isOpened = (event: DecidedRecordEvent): event is DecidedRecordEvent<RecordOpened> => event.type === 'RecordOpened';
const isFieldsChanged = (event: DecidedRecordEvent): event is DecidedRecordEvent<FieldsChanged> => event.type === 'FieldsChanged';
const isScoreChanged = (event: DecidedRecordEvent): event is DecidedRecordEvent<ScoreChanged> => event.type === 'ScoreChanged';

/** The fields as the decided events leave them: opened with, then changed. */
const fieldsAfter = (state: RecordState, decided: readonly DecidedRecordEvent[]): FieldValues => {
  const fields: Record<string, FieldValue> = state.status === 'none' ? {} : { ...state.fields };
  for (const event of decided) {
    if (isOpened(event)) Object.assign(fields, event.data.fields);
    if (isFieldsChanged(event)) {
      for (const [name, change] of Object.entries(event.data.changes)) {
        if (change.to === null) delete fields[name];
        else fields[name] = change.to;
      }
    }
  }
  return fields;
};

/** The score as the decided events leave it. */
const scoreAfter = (state: RecordState, decided: readonly DecidedRecordEvent[]): RecordScore =>
  decided.filter(isScoreChanged).reduce((score, event) => applyScoreChanges(score, event.data.changes), state.status === 'none' ? NO_SCORE : recordScore.read(state));

/**
 * Scores (README, Blueprint reference, "Scoring"): activities recorded on a record and what its
 * blueprint's behaviour rules give for them; attribute rules judged again whenever a decision of any
 * slice changes the fields; the weekly decay is the timers slice's `decay` timer (`scoreDecayed`).
 */
export const scoringSlice = defineRecordSlice<ScoringCommand, ScoringEvent>({
  name: 'scoring',
  commands: {
    RecordActivity: {
      problems: (command) => [
        ...(typeof command.activity === 'string' && ACTIVITY.test(command.activity)
          ? []
          : ['activity: expected an activity type, a lower-case identifier (a-z, 0-9, _; starting with a letter)']),
        ...(command.occurredAt === undefined || (typeof command.occurredAt === 'string' && parseIsoDateTime(command.occurredAt) !== null)
          ? []
          : ['occurredAt: expected an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00Z']),
        ...activityDetailProblems(command.details),
      ],
      access: () => ({ action: 'update' }),
      decide: (command, state, { blueprint, now }) => {
        const record = requireExisting(state);
        const scoring = blueprint.definition.scoring;
        const rule = scoring?.behaviours.find((candidate) => candidate.activity === command.activity);
        if (scoring === undefined || rule === undefined) throw unknownActivity(blueprint, command.activity);
        requireOpenForActivities(record);
        const occurredAt = occurredAtOf(command.occurredAt, now);
        const activityId = deriveId(command.commandId, 'activity');
        const recorded: ActivityRecorded = {
          type: 'ActivityRecorded',
          data: { recordId: record.recordId, activityId, activity: rule.activity, occurredAt: occurredAt.toISOString(), details: { ...command.details } },
        };
        const before = recordScore.read(record);
        const changes = activityChanges(before, rule, occurredAt, now, scoring.decay);
        if (changes.length === 0) return [recorded];
        return [
          recorded,
          scoreChanged(record.recordId, 'activity', activityId, before, changes, scoring.thresholds),
          ...decayTimerIfNeeded(record, blueprint, applyScoreChanges(before, changes), command.commandId, now),
        ];
      },
    },
  },
  events: {
    ActivityRecorded: {
      evolve: (draft, event) => {
        const part = recordScore.read(draft);
        const at = event.data.occurredAt;
        recordScore.write(draft, { ...part, lastActivityAt: part.lastActivityAt === null || at > part.lastActivityAt ? at : part.lastActivityAt });
      },
    },
    ScoreChanged: {
      evolve: (draft, event) => {
        const part = recordScore.read(draft);
        recordScore.write(draft, { ...applyScoreChanges(part, event.data.changes), lastActivityAt: part.lastActivityAt });
      },
    },
  },
  follows: {
    follow: (_command, state, decided, { blueprint }) => {
      const scoring = blueprint.definition.scoring;
      if (scoring === undefined || scoring.attributes.length === 0 || !decided.some((event) => isOpened(event) || isFieldsChanged(event))) return [];
      const before = scoreAfter(state, decided);
      const changes = attributeChanges(before, scoring, fieldsAfter(state, decided), blueprint.expressionFor);
      const recordId = decided[0]?.data.recordId ?? state.recordId;
      return changes.length === 0 ? [] : [scoreChanged(recordId, 'fields', null, before, changes, scoring.thresholds)];
    },
  },
});
