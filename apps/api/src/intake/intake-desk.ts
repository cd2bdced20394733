import { Inject, Injectable } from '@nestjs/common';
import type { Engine } from '@crm/engine';
import { authorizePlatformAction, IdentityException, IdentityExceptionCode, type User, type UserDirectory } from '@crm/identity';
import { IntakeKeys, LeadIntake, RateLimiter, type KeyAdmin, type LeadDedup } from '@crm/intake';
import { newCommandId, WorkflowException, WorkflowExceptionCode } from '@crm/workflow';
import { ENGINE, USER_DIRECTORY } from '../api.tokens';

/** The intake's parts over the engine's store (README, Intake): keys, their rate limits, dedup. */
@Injectable()
export class IntakeDesk {
  readonly keys: IntakeKeys;
  private readonly intake: LeadIntake | null;

  constructor(
    @Inject(ENGINE) readonly engine: Engine,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {
    this.keys = new IntakeKeys(engine.store, engine.clock);
    this.intake = engine.leads === null ? null : new LeadIntake(this.keys, new RateLimiter(engine.clock), engine.leads);
  }

  /** Lead intake and dedup need the lead match rules file beside the blueprints. */
  leads(): LeadDedup {
    if (this.engine.leads === null) throw this.noRules();
    return this.engine.leads;
  }

  leadIntake(): LeadIntake {
    if (this.intake === null) throw this.noRules();
    return this.intake;
  }

  /** Keys are managed by admins, judged on the users file as it is now (rule `admin-only`). */
  admin(user: User): KeyAdmin {
    return {
      actor: { id: user.id, roles: user.roles },
      commandId: newCommandId(this.engine.clock),
      authorize: () => {
        const current = this.users.get(user.id);
        const denial = current === undefined ? { rule: 'known-users-only', message: `no user "${user.id}" in the users file` } : authorizePlatformAction(current, 'intake.keys');
        if (denial) throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `${user.id} may not manage intake keys: ${denial.message}`, { rule: denial.rule, action: 'intake.keys' });
      },
    };
  }

  private noRules(): WorkflowException {
    return new WorkflowException(WorkflowExceptionCode.UNKNOWN_KIND, 'leads are not deduplicated here: no lead-matching.yaml beside the blueprints', { kind: 'lead' });
  }
}
