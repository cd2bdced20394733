import { WEEK_MS, type CompiledBlueprint } from '@crm/blueprint';
import type { DecidedRecordEvent } from '../record/record-event';
import type { ExistingRecord, PendingTimer } from '../record/record.state';
import { recordScore } from './record-score.part';
import { decayTimerScheduled, scoreChanged } from './score-changes';
import { applyScoreChanges, decayChanges, holdsBehaviourPoints } from './score-rules';

/**
 * What the weekly decay timer does when it fires (after its TimerFired): every behaviour rule loses the
 * blueprint's share (`ScoreChanged`, reason `decay`), and while points are left the next week's timer is
 * set from this one's due time, so a scheduler that was down catches up one week per firing. A closed
 * record's score is history: its last timer fires and decays nothing.
 */
export const scoreDecayed = (record: ExistingRecord, blueprint: CompiledBlueprint, timer: PendingTimer, commandId: string): DecidedRecordEvent[] => {
  const scoring = blueprint.definition.scoring;
  if (record.status === 'closed' || scoring?.decay === undefined) return [];
  const before = recordScore.read(record);
  const changes = decayChanges(before, scoring.decay);
  return [
    ...(changes.length === 0 ? [] : [scoreChanged(record.recordId, 'decay', null, before, changes, scoring.thresholds)]),
    ...(holdsBehaviourPoints(applyScoreChanges(before, changes)) ? [decayTimerScheduled(record, commandId, new Date(Date.parse(timer.dueAt) + WEEK_MS))] : []),
  ];
};
