import type { FieldValue, FieldValues } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { LeadCapture } from '@crm/workflow';
import type { CaptureOutcome, CommandSender, LeadDedup } from '../dedup/lead-dedup';
import { IntakeException, IntakeExceptionCode } from '../intake.exception';
import type { IntakeKeys, IntakeKeyView } from '../keys/intake-keys';
import type { RateLimiter } from '../keys/rate-limiter';

/** The most leads one batch may carry. */
export const MAX_BATCH = 1_000;

/** Form keys that describe the submission rather than the lead. */
const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
const RESERVED = new Set<string>(['externalId', 'campaign', ...UTM_KEYS]);
const EXTERNAL_ID = /^[\x21-\x7e]{1,200}$/;

/** One lead as a web form posts it: its fields flat beside `externalId`, `campaign` and UTM tags. */
export interface IntakeLead {
  readonly fields: FieldValues;
  readonly externalId: string;
  readonly campaign: string | null;
  readonly utm: Readonly<Record<string, string>>;
}

export interface IntakeRequest {
  readonly batch: boolean;
  readonly leads: readonly IntakeLead[];
}

/** What became of one lead taken in. */
export interface IntakeResult {
  readonly externalId: string;
  readonly status: CaptureOutcome['status'];
  readonly recordId: string;
  /** The match rule the lead merged by; null for a new lead. */
  readonly rule: string | null;
  /** A near match a person should review (a task on the new lead); null when none. */
  readonly review: CaptureOutcome['review'];
}

const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isFieldValue = (value: unknown): value is FieldValue => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const formProblems = (path: string, form: unknown): string[] => {
  if (!isPlain(form)) return [`${path}: expected an object of form fields`];
  const problems: string[] = [];
  if (typeof form['externalId'] !== 'string' || !EXTERNAL_ID.test(form['externalId'])) problems.push(`${path}externalId: expected the sender's id of the lead, 1-200 visible ASCII characters`);
  for (const name of ['campaign', ...UTM_KEYS]) {
    const value = form[name];
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 200)) problems.push(`${path}${name}: expected text of up to 200 characters`);
  }
  for (const [name, value] of Object.entries(form)) {
    if (!RESERVED.has(name) && !isFieldValue(value)) problems.push(`${path}${name}: expected text, a number, true/false or null`);
  }
  return problems;
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

const leadOf = (form: Record<string, unknown>): IntakeLead => ({
  externalId: String(form['externalId']),
  campaign: text(form['campaign']),
  utm: Object.fromEntries(UTM_KEYS.flatMap((name) => (text(form[name]) === null ? [] : [[name, text(form[name]) as string]]))),
  // A form's empty input is a field not given.
  fields: Object.fromEntries(Object.entries(form).filter(([name, value]) => !RESERVED.has(name) && value !== '' && value !== null) as [string, FieldValue][]),
});

/** A web form's JSON (one lead) or a batch `{ leads: [form, …] }`; every problem named by its path, or INVALID_INTAKE. */
export const parseIntakeRequest = (body: unknown): IntakeRequest => {
  const batch = isPlain(body) && 'leads' in body;
  const forms: unknown[] = batch ? (Array.isArray(body['leads']) ? body['leads'] : []) : [body];
  const problems =
    batch && (!Array.isArray(body['leads']) || forms.length === 0 || forms.length > MAX_BATCH)
      ? [`leads: expected a list of 1 to ${MAX_BATCH} leads`]
      : forms.flatMap((form, index) => formProblems(batch ? `leads[${index}].` : '', form));
  if (batch && problems.length === 0) {
    const seen = new Set<string>();
    forms.forEach((form, index) => {
      const id = String((form as Record<string, unknown>)['externalId']);
      if (seen.has(id)) problems.push(`leads[${index}].externalId: "${id}" is in the batch twice`);
      seen.add(id);
    });
  }
  if (problems.length > 0) throw new IntakeException(IntakeExceptionCode.INVALID_INTAKE, `invalid intake: ${problems.join('; ')}`, { problems });
  return { batch, leads: forms.map((form) => leadOf(form as Record<string, unknown>)) };
};

/** The intake key's source and the sender's id make the command id: a retried webhook stores nothing new. */
export const intakeSender = (key: IntakeKeyView, externalId: string): CommandSender => ({
  commandId: deriveId(`intake:${key.source}:${externalId}`, 'intake'),
  actor: { id: `system:intake:${key.source}`, roles: ['system'] },
  origin: { via: 'intake' },
});

/**
 * `POST /intake/leads` (README, Intake): the key checked, its rate taken, every lead of the request
 * checked before any is stored, then each lead deduplicated and captured through the command handler.
 */
export class LeadIntake {
  constructor(
    private readonly keys: IntakeKeys,
    private readonly limiter: RateLimiter,
    private readonly dedup: LeadDedup,
  ) {}

  async take(presentedKey: string | undefined, body: unknown): Promise<{ readonly batch: boolean; readonly results: IntakeResult[] }> {
    const key = await this.keys.authenticate(presentedKey);
    const request = parseIntakeRequest(body);
    if (request.leads.length > key.ratePerMinute) {
      throw new IntakeException(IntakeExceptionCode.INVALID_INTAKE, `a batch of ${request.leads.length} leads is more than this key's rate of ${key.ratePerMinute} a minute`, {
        problems: [`leads: at most ${key.ratePerMinute} leads per request with this key`],
      });
    }
    const retryAfterSeconds = this.limiter.take(key.id, key.ratePerMinute, request.leads.length);
    if (retryAfterSeconds !== null) {
      throw new IntakeException(IntakeExceptionCode.INTAKE_RATE_LIMITED, `intake key "${key.id}" is over its rate of ${key.ratePerMinute} leads a minute; retry in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
        ratePerMinute: key.ratePerMinute,
      });
    }
    const captures = request.leads.map((lead) => ({ lead, capture: captureOf(key, lead), sender: intakeSender(key, lead.externalId) }));
    // Bad input stores nothing: a batch is checked whole before its first lead is stored.
    for (const [index, { lead, capture, sender }] of captures.entries()) await this.inBatch(request.batch, index, () => this.dedup.check(lead.fields, capture, sender));
    const results: IntakeResult[] = [];
    for (const { lead, capture, sender } of captures) {
      const outcome = await this.dedup.capture(lead.fields, capture, sender, { checked: true });
      results.push({ externalId: lead.externalId, status: outcome.status, recordId: outcome.recordId, rule: outcome.rule, review: outcome.review });
    }
    return { batch: request.batch, results };
  }

  private async inBatch(batch: boolean, index: number, check: () => Promise<void>): Promise<void> {
    try {
      await check();
    } catch (error) {
      if (batch && error instanceof Error && 'details' in error && isPlain(error.details)) error.details['lead'] = index;
      throw error;
    }
  }
}

const captureOf = (key: IntakeKeyView, lead: IntakeLead): LeadCapture => ({ source: key.source, externalId: lead.externalId, campaign: lead.campaign, utm: lead.utm });
