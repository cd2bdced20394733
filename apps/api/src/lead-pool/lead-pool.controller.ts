import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import { CurrentUser } from '../identity/current-user.decorator';
import type { RecordWriteResult } from '../records/record-view';
import { ClaimLeadCommand } from './commands/claim-lead.command';
import { ReleaseLeadCommand } from './commands/release-lead.command';
import { ClaimLeadRequest, ReleaseLeadRequest } from './lead-pool-requests.dto';
import { ApiRecordWrite } from '../http/record-write.decorators';

/** The lead pool (README, Lead pool): `GET /records/lead?pool=true` lists it; these take from it and give back. */
@ApiTags('records')
@ApiBearerAuth()
@Controller('records')
export class LeadPoolController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':kind/:id/claim')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Claim an unowned lead of your team’s pool (or everyone’s): 422 CLAIM_CAP_REACHED over the pool’s cap, CLAIM_COOLDOWN too soon after you lost it',
    description: 'Only leads have a pool. Two claims of one lead at once: one wins, the other finds it owned (409 LEAD_NOT_IN_POOL, or 404 when the claimer may not read the winner’s lead).',
  })
  @ApiRecordWrite()
  claim(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() request: ClaimLeadRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new ClaimLeadCommand(user, kind, id, request, idempotencyKey));
  }

  @Post(':kind/:id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a lead back to the pool of its owner’s team, saying why (the owner, their manager or an admin)' })
  @ApiRecordWrite()
  release(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() request: ReleaseLeadRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new ReleaseLeadCommand(user, kind, id, request, idempotencyKey));
  }
}
