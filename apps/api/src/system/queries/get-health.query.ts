import { Query } from '@nestjs/cqrs';
import type { BlueprintProblem } from '@crm/blueprint';
import type { TimerSchedulerStatus } from '@crm/engine';
import type { StoreWarning } from '@crm/event-store';
import type { ProjectionStatus } from '@crm/projection-runtime';

export interface ProjectionLag {
  readonly projection: string;
  readonly state: ProjectionStatus['state'];
  /** Events stored after the projection's checkpoint. */
  readonly lag: number;
}

export interface Health {
  readonly status: 'up';
  /** `warnings`: what the store and the projections noticed about the event log (skipped foreign events, refusals, resets). */
  readonly store: { readonly kind: string; readonly headPosition: string | null; readonly warnings: readonly StoreWarning[] };
  readonly blueprints: readonly string[];
  /** Blueprint files start-up skipped, each problem with its file and path; empty when every file loaded. */
  readonly blueprintProblems: readonly BlueprintProblem[];
  /** How far the read models trail the log; `maxLag` 0 means every read model is at the head. */
  readonly projections: { readonly maxLag: number; readonly byProjection: readonly ProjectionLag[] };
  /** The scheduler firing due timers in this process. */
  readonly timers: TimersHealth;
}

/** What a monitor needs of the timer scheduler: is it firing, how much is due, since when, what went wrong. */
export type TimersHealth = Omit<TimerSchedulerStatus, 'remembered'>;

export class GetHealthQuery extends Query<Health> {}
