export { Engine } from './engine';
export { CALENDARS_FILE, calendarProblems, checkAgainstPublished, checkBlueprintFolder, loadCalendars, type BlueprintStartUp } from './blueprints/blueprint-start-up';
export type { EngineConfig } from './engine';
export { TimerScheduler } from './timers/timer-scheduler';
export type {
  PendingTimer,
  PendingTimerCursor,
  PendingTimers,
  TimerCommands,
  TimerNotice,
  TimerRun,
  TimerSchedulerOptions,
  TimerSchedulerState,
  TimerSchedulerStatus,
} from './timers/timer-scheduler';
export { conversionMatchKey, DEFAULT_PHONE_REGION, phoneRegionOf } from './conversion/conversion-matching';
export { recordConversionReactor } from './conversion/record-conversion.reactor';
export { acceptanceToken, readAcceptanceToken, type AcceptanceGrant } from './orders/acceptance-link';
export { OrdersException, OrdersExceptionCode } from './orders/orders.exception';
export { PAYMENT_DELAY_ACTOR, PAYMENT_DELAY_REACTOR, PAYMENT_DELAYED, paymentDelayCommandId, paymentDelayReactor } from './orders/payment-delay.reactor';
export { paymentSignature, requireSignedPayment } from './orders/payment-signature';
export { ACCEPT_EVENT, QUOTE_ACCEPTANCE_ACTOR, QUOTE_ACCEPTANCE_REACTOR, quoteAcceptanceReactor, subscriptionIdOf, WIN_BY_QUOTE } from './orders/quote-acceptance.reactor';
export { loadOrCreateSecret } from './orders/server-secret';
export { SUBSCRIPTION_RENEWAL_ACTOR, SUBSCRIPTION_RENEWAL_REACTOR, subscriptionRenewalReactor } from './orders/subscription-renewal.reactor';
