import { Controller, Get, Param, ParseIntPipe, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../http/dto/error.response';
import { BlueprintDetailResponse, BlueprintSummaryResponse } from './dto/blueprint.response';
import { GetBlueprintQuery, type BlueprintDetail } from './queries/get-blueprint.query';
import { ListBlueprintsQuery, type BlueprintSummary } from './queries/list-blueprints.query';

@ApiTags('blueprints')
@ApiBearerAuth()
@Controller('blueprints')
export class BlueprintsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every blueprint with its published versions' })
  @ApiOkResponse({ type: [BlueprintSummaryResponse] })
  @ApiErrorResponses(400, 401, 503)
  list(): Promise<BlueprintSummary[]> {
    return this.queries.execute(new ListBlueprintsQuery());
  }

  @Get(':id')
  @ApiOperation({ summary: 'A blueprint definition (latest or ?version=N), its versions and a Mermaid diagram' })
  @ApiQuery({ name: 'version', required: false, type: Number })
  @ApiOkResponse({ type: BlueprintDetailResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  get(
    @Param('id') id: string,
    @QueryParam('version', new ParseIntPipe({ optional: true })) version?: number,
  ): Promise<BlueprintDetail> {
    return this.queries.execute(new GetBlueprintQuery(id, version));
  }
}
