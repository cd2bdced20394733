import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { IntakeKeyView, IntakeResult, IssuedIntakeKey } from '@crm/intake';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { Public } from '../identity/public.decorator';
import { RecordWriteResultResponse } from '../records/dto/record-event.response';
import type { RecordWriteResult } from '../records/record-view';
import { CreateIntakeKeyCommand } from './commands/create-intake-key.command';
import { MergeLeadsCommand } from './commands/merge-leads.command';
import { RevokeIntakeKeyCommand } from './commands/revoke-intake-key.command';
import { TakeLeadsCommand } from './commands/take-leads.command';
import { CreateIntakeKeyRequest, MergeLeadRequest, SplitLeadRequest } from './intake-requests.dto';
import { IntakeKeyListResponse, IntakeKeyResponse, IssuedIntakeKeyResponse } from './dto/intake.response';
import { ListIntakeKeysQuery } from './queries/list-intake-keys.query';
import { ApiIdempotencyKey } from '../http/record-write.decorators';

const FORM_BODY = {
  description:
    'A web form: `externalId` (the sender’s id of the lead; with the key’s source it makes a retry store nothing new), optional `campaign` and `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`; every other key is a lead field (empty values are left out). Or a batch: `{ "leads": [form, …] }` of up to 1,000.',
  schema: { type: 'object', additionalProperties: true, example: { externalId: 'form-8812', name: 'Ann Lee', email: 'Ann@Acme.example', company: 'ACME Ltd.', campaign: 'spring', utm_source: 'newsletter' } },
} as const;

@ApiTags('intake')
@Controller()
export class IntakeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('intake/leads')
  @Public()
  @ApiSecurity('intakeKey')
  @ApiOperation({
    summary: 'Take in leads from a web form or a batch, deduplicated by the lead match rules',
    description:
      'Authenticated by an intake key in X-Intake-Key (not a bearer token); each key has a rate (429 with Retry-After past it). A lead that matches a kept one merges into it (LeadMerged naming the rule); a near match opens a review task. The whole request is checked before any lead is stored.',
  })
  @ApiHeader({ name: 'X-Intake-Key', required: true, description: 'ik_<id>.<secret>, from POST /intake/keys' })
  @ApiBody(FORM_BODY)
  @ApiCreatedResponse({ description: 'One lead: its result; a batch: `{ results }` in the order sent', schema: { oneOf: [{ $ref: '#/components/schemas/IntakeResult' }, { $ref: '#/components/schemas/IntakeBatchResult' }] } })
  @ApiErrorResponses(400, 401, 413, 415, 429, 503)
  async take(@Headers('x-intake-key') key: string | undefined, @Body() body: unknown): Promise<IntakeResult | { readonly results: IntakeResult[] }> {
    const { batch, results } = await this.commands.execute(new TakeLeadsCommand(key, body));
    return batch ? { results } : results[0];
  }

  @Post('intake/keys')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create an intake key for a source (admins); the key is shown in this answer only' })
  @ApiCreatedResponse({ type: IssuedIntakeKeyResponse })
  @ApiErrorResponses(400, 401, 403, 413, 415, 503)
  createKey(@CurrentUser() user: User, @Body() request: CreateIntakeKeyRequest): Promise<IssuedIntakeKey> {
    return this.commands.execute(new CreateIntakeKeyCommand(user, request));
  }

  @Get('intake/keys')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Every intake key, revoked ones too, without secrets (admins)' })
  @ApiOkResponse({ type: IntakeKeyListResponse })
  @ApiErrorResponses(400, 401, 403, 503)
  listKeys(@CurrentUser() user: User): Promise<{ readonly keys: IntakeKeyView[] }> {
    return this.queries.execute(new ListIntakeKeysQuery(user));
  }

  @Delete('intake/keys/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke an intake key (admins): its requests answer 401 from now on' })
  @ApiOkResponse({ type: IntakeKeyResponse })
  @ApiErrorResponses(400, 401, 403, 404, 503)
  revokeKey(@CurrentUser() user: User, @Param('id') id: string): Promise<IntakeKeyView> {
    return this.commands.execute(new RevokeIntakeKeyCommand(user, id));
  }

  @Post('records/lead/:id/merge')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Merge another lead into this one by hand: it is closed as merged, this lead takes the fields it lacks (LeadMerged, rule manual)' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: RecordWriteResultResponse, description: 'This lead after the merge' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503)
  merge(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Body() request: MergeLeadRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new MergeLeadsCommand(user, 'merge', id, request.lead, request.reason, idempotencyKey));
  }

  @Post('records/lead/:id/split')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Undo a manual merge: the merged lead is open again, this lead gives back the fields the merge filled and nobody changed since' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: RecordWriteResultResponse, description: 'This lead after the split' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503)
  split(@CurrentUser() user: User, @Param('id') id: string, @Body() request: SplitLeadRequest, @Headers('idempotency-key') idempotencyKey?: string): Promise<RecordWriteResult> {
    return this.commands.execute(new MergeLeadsCommand(user, 'split', id, request.lead, undefined, idempotencyKey));
  }
}
