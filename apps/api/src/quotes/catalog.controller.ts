import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CatalogResponse } from './dto/quote-lines.response';
import { GetCatalogQuery, type CatalogView } from './queries/get-catalog.query';
import { PriceBooksRequest } from './quote-requests.dto';

/** The products, price books and rates quote lines are priced from, as the engine loaded them. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Products, every price book version (filter by currency and segment), tax and exchange rates' })
  @ApiOkResponse({ type: CatalogResponse })
  @ApiErrorResponses(400, 401, 422, 503)
  catalog(@QueryParams() request: PriceBooksRequest): Promise<CatalogView> {
    return this.queries.execute(new GetCatalogQuery({ ...(request.currency === undefined ? {} : { currency: request.currency }), ...(request.segment === undefined ? {} : { segment: request.segment }) }));
  }
}
