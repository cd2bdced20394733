import { recordPart } from '../record/record.state';
import { NO_SCORE, type RecordScore } from './score-rules';

/** The record's score as its `ScoreChanged` events fold, and when it last had an activity. */
export interface ScorePart extends RecordScore {
  readonly lastActivityAt: string | null;
}

export const recordScore = recordPart<ScorePart>('scoring', { ...NO_SCORE, lastActivityAt: null });
