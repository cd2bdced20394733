import type { Actor } from '@crm/blueprint';
import { KeyedMutex } from '@crm/command-handler';
import type { CommandOrigin, RecordCommandHandler, RecordCommandResult } from '@crm/workflow';
import type { OpenLeadCounts } from '../routing/open-lead-counts';

export interface ClaimOptions {
  /** The kind the request names; only leads have a pool (anything else is refused by the command's checks). */
  readonly kind?: string;
  readonly commandId: string;
  readonly expectedRevision?: number;
  readonly origin?: CommandOrigin;
}

/**
 * Claims and releases of pool leads (README, Lead pool), for the API and the CLI alike. A claim counts
 * the open leads the claimer holds (the records read model, brought to the log's head) and sends
 * `ClaimLead` with the count, which its decision judges against the cap; one claimer's claims take turns
 * in this process, so two of them cannot both count the same holdings.
 */
export class LeadClaims {
  private readonly claimers = new KeyedMutex();

  constructor(
    private readonly records: RecordCommandHandler,
    private readonly openLeads: OpenLeadCounts,
  ) {}

  claim(actor: Actor, recordId: string, options: ClaimOptions): Promise<RecordCommandResult> {
    return this.claimers.run(actor.id, async () => {
      const held = (await this.openLeads.count([actor.id])).get(actor.id) ?? 0;
      const { kind = 'lead', ...envelope } = options;
      return this.records.execute({ type: 'ClaimLead', kind, recordId, held, actor, ...envelope });
    });
  }

  release(actor: Actor, recordId: string, reason: string, options: ClaimOptions): Promise<RecordCommandResult> {
    const { kind = 'lead', ...envelope } = options;
    return this.records.execute({ type: 'ReleaseLead', kind, recordId, reason, actor, ...envelope });
  }
}
