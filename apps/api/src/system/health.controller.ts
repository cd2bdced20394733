import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../identity/public.decorator';
import { GetHealthQuery, type Health } from './queries/get-health.query';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: store kind and head position, loaded blueprints, projection lag (per projection and max)' })
  health(): Promise<Health> {
    return this.queries.execute(new GetHealthQuery());
  }
}
