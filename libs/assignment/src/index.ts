export { AssignmentException, AssignmentExceptionCode } from './assignment.exception';
export type { Absence } from './availability/absence';
export { absenceProblems, authorizeAbsence, Availability } from './availability/availability';
export type { AbsenceRequest } from './availability/availability';
export { ABSENCE_CANCELLED, ABSENCE_DECLARED, AVAILABILITY_STREAM_PREFIX, availabilityStream } from './availability/availability.stream';
export { LeadClaims } from './claims/lead-claims';
export type { ClaimOptions } from './claims/lead-claims';
export { LeadAutomation } from './lead-automation';
export type { LeadAutomationDispatcher, LeadAutomationMode, LeadAutomationOptions } from './lead-automation';
export { ACTIVITY_ACTOR, isActivity, LEAD_ACTIVITY_REACTOR, leadActivityReactor } from './reactors/lead-activity.reactor';
export { leadAssignmentReactor, poolEntryOf } from './reactors/lead-assignment.reactor';
export {
  ASSIGNMENT_RULES_FILE,
  loadAssignmentRules,
  loadAssignmentRulesBeside,
  NO_ASSIGNMENT_RULES,
  parseAssignmentRules,
  STRATEGIES,
  TRIGGERS,
} from './rules/assignment-rules';
export type { AssignmentRule, AssignmentRules, AssignmentStrategy, AssignmentTrigger, FieldMatch, RepCapacity, RulesContext } from './rules/assignment-rules';
export { matchRule } from './rules/match-rule';
export type { RuleMatch } from './rules/match-rule';
export { LEAD_ASSIGNMENT_REACTOR, LeadRouter, ROUTER_ACTOR } from './routing/lead-router';
export type { LeadRouterOptions, LeadSketch, RouteOutcome, RouteTrace } from './routing/lead-router';
export { finalLeadStages, readModelOpenLeads } from './routing/open-lead-counts';
export type { OpenLeadCounts } from './routing/open-lead-counts';
export { inTurn, planRouting } from './routing/plan-routing';
export type { RoutingFacts, RoutingPlan, RuleVerdict, SkippedRep } from './routing/plan-routing';
export { LEAD_ROUTED, routedOf, ROUTING_STREAM } from './routing/routing.stream';
export type { LeadRoutedData } from './routing/routing.stream';
export { LeadAssignment } from './lead-assignment';
export type { LeadAssignmentParts } from './lead-assignment';
