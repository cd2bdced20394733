import type { StreamFold } from '@crm/command-handler';
import type { JsonObject } from '@crm/event-store';
import type { AssignmentTrigger } from '../rules/assignment-rules';
import type { RoutingPlan } from './plan-routing';

/**
 * Every routing decision, in one stream of its own (README, Assignment rules: how round robin stays
 * deterministic): appended under the expected revision before the lead is given to anyone, with a
 * command id derived from the event that put the lead in the pool.
 */
export const ROUTING_STREAM = '_lead-assignment';
export const LEAD_ROUTED = 'LeadRouted';

/** A routing decision: the lead, what brought it, and the plan (rule, team, rep or pool, reasons). */
export interface LeadRoutedData extends RoutingPlan {
  readonly lead: string;
  readonly trigger: AssignmentTrigger;
}

export interface LeadRouted {
  readonly type: typeof LEAD_ROUTED;
  readonly data: JsonObject;
}

/** The round robin's cursor: per rule, the rep it last gave a lead to. Nothing else is kept. */
export interface RoutingState {
  readonly lastPick: ReadonlyMap<string, string>;
}

export const routingFold: StreamFold<RoutingState> = {
  initialState: () => ({ lastPick: new Map() }),
  evolve: (state, events) => {
    const lastPick = new Map(state.lastPick);
    for (const event of events) {
      if (event.type !== LEAD_ROUTED) continue;
      const { rule, rep } = event.data;
      if (typeof rule === 'string' && typeof rep === 'string') lastPick.set(rule, rep);
    }
    return { lastPick };
  },
};

export const leadRouted = (lead: string, trigger: AssignmentTrigger, plan: RoutingPlan): LeadRouted => ({
  type: LEAD_ROUTED,
  // Plain data through and through (strings, numbers, lists): the plan as JSON is the plan.
  data: JSON.parse(JSON.stringify({ lead, trigger, ...plan })) as JsonObject,
});

export const routedOf = (data: JsonObject): LeadRoutedData => data as unknown as LeadRoutedData;
