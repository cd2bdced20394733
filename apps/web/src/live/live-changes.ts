/** What `GET /live` sends as `changes` (apps/api/src/live/live.controller.ts, LiveChanges). */
export interface LiveChanges {
  readonly records: readonly { readonly kind: string; readonly recordId: string; readonly types: readonly string[] }[];
  readonly kinds: readonly string[];
  readonly forecast: boolean;
  readonly blueprints: boolean;
}

export type LiveListener = (changes: LiveChanges) => void;
