import type { UnmetCriterion } from '@crm/blueprint';

/**
 * An imported stage move that no blueprint transition explains: history from another system is a fact
 * we keep, but never under a transition's name (README, "History import"). It moves the stage exactly
 * as `Transitioned` does.
 */
export interface StageRecorded {
  readonly type: 'StageRecorded';
  readonly data: {
    readonly recordId: string;
    readonly from: string;
    readonly to: string;
    /** What no transition into `to` satisfied, judged on the fields at that moment. */
    readonly unmet: readonly UnmetCriterion[];
  };
}

export type HistoryImportEvent = StageRecorded;
