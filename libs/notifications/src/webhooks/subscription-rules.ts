import { RECORD_EVENT_TYPES } from '@crm/workflow';
import { NOTIFICATION_KINDS } from '../inbox/notification.events';

export const NOTIFICATION_EVENT_PREFIX = 'notification.';

/** What a subscription may name: a record event type, or `notification.<kind>` (README, Notifications and webhooks). */
export const WEBHOOK_EVENT_NAMES: readonly string[] = [...RECORD_EVENT_TYPES, ...NOTIFICATION_KINDS.map((kind) => `${NOTIFICATION_EVENT_PREFIX}${kind}`)];

const MAX_URL_LENGTH = 2_048;
const MAX_EVENTS = 100;

export const webhookUrlProblems = (url: string): string[] => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [`url: "${url.slice(0, 100)}" is not an absolute URL`];
  }
  return [
    parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : `url: only http and https URLs are called, not ${parsed.protocol}`,
    parsed.username === '' && parsed.password === ''
      ? null
      : 'url: must not hold a user name or password (they would show in logs and answers); authenticate the signature instead',
    parsed.hash === '' ? null : 'url: must not have a fragment (#…); it is never sent',
    url.length <= MAX_URL_LENGTH ? null : `url: at most ${MAX_URL_LENGTH} characters`,
  ].filter((problem): problem is string => problem !== null);
};

export const webhookEventProblems = (events: readonly string[]): string[] => {
  if (events.length === 0) return ['events: name at least one record event type or notification.<kind>'];
  if (events.length > MAX_EVENTS) return [`events: at most ${MAX_EVENTS}`];
  const twice = events.filter((event, index) => events.indexOf(event) !== index);
  const unknown = events.filter((event) => !WEBHOOK_EVENT_NAMES.includes(event));
  return [
    twice.length === 0 ? null : `events: ${[...new Set(twice)].join(', ')} ${twice.length === 1 ? 'is' : 'are'} named twice`,
    unknown.length === 0 ? null : `events: unknown ${unknown.join(', ')}; known: ${WEBHOOK_EVENT_NAMES.join(', ')}`,
  ].filter((problem): problem is string => problem !== null);
};
