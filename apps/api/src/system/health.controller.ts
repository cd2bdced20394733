import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses, errorSchemaOf } from '../http/dto/error.response';
import { OptionalUser } from '../identity/current-user.decorator';
import { TokenOptional } from '../identity/token-optional.decorator';
import { HealthResponse, LivenessResponse } from './dto/health.response';
import { GetHealthQuery, type Health } from './queries/get-health.query';
import { GetLivenessQuery, type Liveness } from './queries/get-liveness.query';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @TokenOptional()
  @ApiOperation({
    summary: 'Without a token: { status: up } (200) or { status: down } (503). With a token: also store kind and head position, loaded blueprints, projection lag, the timer scheduler (state, due, oldest due, last error)',
  })
  @ApiOkResponse({ description: 'Health with a token, Liveness without', schema: { oneOf: [{ $ref: getSchemaPath(HealthResponse) }, { $ref: getSchemaPath(LivenessResponse) }] } })
  @ApiResponse({
    status: 503,
    description: 'Without a token: { status: down } when the event store cannot answer a read; with one, the error body',
    schema: { oneOf: [{ $ref: getSchemaPath(LivenessResponse) }, { $ref: getSchemaPath(errorSchemaOf(503)) }] },
  })
  @ApiErrorResponses(400, 401)
  async health(@OptionalUser() user: User | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Health | Liveness> {
    if (user) return this.queries.execute(new GetHealthQuery());
    const liveness = await this.queries.execute(new GetLivenessQuery());
    if (liveness.status === 'down') void reply.status(503);
    return liveness;
  }
}
