import { Body, Controller, Get, Headers, Param, Put, Query as QueryParams, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { User } from '@crm/identity';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import type { RecordWriteResult } from '../records/record-view';
import { PriceQuoteCommand } from './commands/price-quote.command';
import { QuoteDocumentResponse, QuoteLinesResponse } from './dto/quote-lines.response';
import { GetQuoteDocumentQuery, type QuoteDocumentView } from './queries/get-quote-document.query';
import { GetQuoteLinesQuery } from './queries/get-quote-lines.query';
import type { QuoteLinesView } from './quote-lines-view';
import { PriceQuoteRequest, QuoteDocumentRequest, QuoteVersionRequest } from './quote-requests.dto';
import { ApiRecordWrite } from '../http/record-write.decorators';

/** Quote lines and documents (README, Quote lines; Quote document). */
@ApiTags('records')
@ApiBearerAuth()
@Controller('records')
export class QuotesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':kind/:id/lines')
  @ApiOperation({
    summary: 'Set a draft quote’s lines, priced from a price book version (pinned on the quote) with tax from the rate table',
    description:
      'Amounts in integer minor units; total, discount (effective) and currency follow into the quote’s fields. 400 names a bad line (lines[1].quantity); 422 UNKNOWN_SKU, UNKNOWN_PRICE_BOOK, PRICE_BOOK_EXPIRED, UNKNOWN_TAX_REGION; 409 QUOTE_NOT_EDITABLE outside the first stage. Nothing is stored on a refusal.',
  })
  @ApiRecordWrite()
  price(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() request: PriceQuoteRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new PriceQuoteCommand(user, kind, id, request, idempotencyKey));
  }

  @Get(':kind/:id/lines')
  @ApiOperation({ summary: 'A quote version’s priced lines (default the current one), and every version the quote has had' })
  @ApiOkResponse({ type: QuoteLinesResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  lines(@CurrentUser() user: User, @Param('kind') kind: string, @Param('id') id: string, @QueryParams() request: QuoteVersionRequest): Promise<QuoteLinesView> {
    return this.queries.execute(new GetQuoteLinesQuery(user, kind, id, request.version));
  }

  @Get(':kind/:id/document')
  @ApiOperation({
    summary: 'The quote document: HTML (the contract) or a PDF printed from it by headless Chromium',
    description: 'A sent version renders the very bytes QuoteSent.documentHash names (in the locale it was sent in); the X-Document-Hash header carries that hash. 503 DOCUMENT_PRINTER_UNAVAILABLE for a PDF without Chromium.',
  })
  @ApiExtraModels(QuoteDocumentResponse)
  @ApiOkResponse({
    description: 'The document: text/html (default), application/pdf (format=pdf), or JSON (format=json)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(QuoteDocumentResponse) } },
      'text/html': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  async document(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @QueryParams() request: QuoteDocumentRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer | QuoteDocumentView> {
    const answer = await this.queries.execute(new GetQuoteDocumentQuery(user, kind, id, request.version, request.locale, request.format ?? 'html'));
    void reply.header('content-type', answer.contentType).header('x-document-hash', answer.documentHash);
    return answer.body;
  }
}
