import type { Clock } from '@crm/clock';
import { fingerprintOf, StreamCommandHandler } from '@crm/command-handler';
import type { EventStore, Position } from '@crm/event-store';
import { platformEventMetadata, type PlatformCommandEnvelope } from '../shared/platform-command';
import { ReadModelException, ReadModelExceptionCode } from '../shared/read-model.exception';
import { decideQuota, quotaFold, quotaProblems, quotaStream, type Quota, type QuotaStreamState } from './quota.stream';

/** Set one quota: what, the command id that makes it idempotent, and who. */
export interface QuotaSetting extends PlatformCommandEnvelope {
  readonly quota: Quota;
  readonly commandId: string;
}

export interface QuotaOutcome {
  readonly quota: Quota;
  /** False when the quota was already set to this (or the command had been handled): nothing was stored. */
  readonly changed: boolean;
  /** Global position of the stored event; null when nothing was stored. */
  readonly position: Position | null;
}

/**
 * Quotas as events (`QuotaSet` in `_quota-<scope>-<name>`), through the generic command loop: idempotent
 * by command id, judged by the access policy inside the stream's lock. The forecast projection follows
 * the events into its `quotas` table.
 */
export class Quotas {
  private readonly loop: StreamCommandHandler<QuotaStreamState>;

  constructor(store: EventStore, clock: Clock) {
    this.loop = new StreamCommandHandler(store, quotaFold, { clock });
  }

  async set(setting: QuotaSetting): Promise<QuotaOutcome> {
    const { quota } = setting;
    const problems = quotaProblems(quota);
    if (problems.length > 0) {
      throw new ReadModelException(ReadModelExceptionCode.INVALID_REFERENCE_DATA, `the quota cannot be set: ${problems.join('; ')}`, { problems });
    }
    const outcome = await this.loop.handle({
      stream: quotaStream(quota.scope, quota.name),
      commandId: setting.commandId,
      fingerprint: fingerprintOf({ type: 'SetQuota', ...quota }),
      authorize: () => setting.authorize(),
      authorizeReplay: () => setting.authorize(),
      decide: (state) => decideQuota(state, quota),
      metadata: () => platformEventMetadata(setting),
    });
    return { quota, changed: !outcome.replayed && outcome.events.length > 0, position: outcome.position };
  }
}
