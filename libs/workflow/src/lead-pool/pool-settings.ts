/**
 * The lead pool's rules (README, Lead pool), from `blueprints/lead-assignment.yaml`: given to every
 * decision with the calendars, so a claim or a return is judged the same way by the API, the CLI and
 * the reactors.
 */
export interface PoolSettings {
  /** The most open leads a rep may hold and still claim one more from the pool; null: no cap. */
  readonly claimCap: number | null;
  /** ISO-8601 duration after a lead left a rep for the pool during which that rep may not claim it back; null: none. */
  readonly cooldown: string | null;
  /** An owned lead with no activity for this long goes back to the pool (a timer activity restarts); null: never. */
  readonly returnAfter: { readonly after: string; readonly calendar?: string } | null;
}

/** No cap, no cool-down, no return for inactivity: a deployment without an assignment rules file. */
export const NO_POOL_RULES: PoolSettings = { claimCap: null, cooldown: null, returnAfter: null };

/** The id of the inactivity timer in `TimerScheduled`; no blueprint may declare it (it is not a stage's). */
export const POOL_INACTIVITY_TIMER = 'pool_inactivity';
