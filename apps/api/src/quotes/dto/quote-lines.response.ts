import { ApiExtraModels, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, TextProperty } from '../../http/dto/schema-properties';
import { PricedQuoteResponse, QuoteDocumentFieldsResponse } from './priced-quote.response';

@ApiSchema({ name: 'QuoteSending', description: 'When and how a quote version went to the customer' })
export class QuoteSendingResponse {
  @DateTimeProperty('When it was sent') readonly at!: string;
  @TextProperty('Document language', { example: 'en' }) readonly locale!: string;
  @TextProperty('sha256 of the HTML document sent') readonly documentHash!: string;
  @ApiProperty({ type: () => QuoteDocumentFieldsResponse }) readonly documentFields!: QuoteDocumentFieldsResponse;
}

// OpenAPI 3.0 cannot mark a $ref nullable: the null is the second alternative.
const nullableRef = (model: () => new () => unknown, description: string): PropertyDecorator =>
  ApiProperty({ oneOf: [{ $ref: getSchemaPath(model()) }, { type: 'object', nullable: true, enum: [null] }], description });

@ApiSchema({ name: 'QuoteVersionSummary' })
@ApiExtraModels(QuoteSendingResponse)
export class QuoteVersionSummaryResponse {
  @IntegerProperty('Version', { minimum: 1 }) readonly version!: number;
  @ApiProperty({ type: Boolean, description: 'Whether it has priced lines' }) readonly priced!: boolean;
  @nullableRef(() => QuoteSendingResponse, 'When and how it was sent; null while not sent') readonly sent!: QuoteSendingResponse | null;
}

@ApiSchema({ name: 'QuoteLines', description: 'One version of a quote: its priced lines, and every version the quote has had' })
@ApiExtraModels(QuoteSendingResponse, PricedQuoteResponse)
export class QuoteLinesResponse {
  @TextProperty('Record id (the quote)') readonly recordId!: string;
  @IntegerProperty('The version shown', { minimum: 1 }) readonly version!: number;
  @IntegerProperty('The version being worked on now', { minimum: 1 }) readonly currentVersion!: number;
  @ApiProperty({ type: () => [QuoteVersionSummaryResponse], description: 'Oldest first' }) readonly versions!: readonly QuoteVersionSummaryResponse[];
  @nullableRef(() => QuoteSendingResponse, 'When and how the version shown was sent; null while not sent') readonly sent!: QuoteSendingResponse | null;
  @nullableRef(() => PricedQuoteResponse, 'Its lines and totals; null until the version is priced') readonly priced!: PricedQuoteResponse | null;
}

@ApiSchema({ name: 'CatalogProduct' })
export class CatalogProductResponse {
  @TextProperty('SKU', { example: 'CRM-ENT-SEAT' }) readonly sku!: string;
  @TextProperty('Name') readonly name!: string;
  @TextProperty('Unit', { example: 'seat' }) readonly unit!: string;
  @TextProperty('Family', { example: 'subscription' }) readonly family!: string;
}

@ApiSchema({ name: 'PriceBook', description: 'One version of a price book; list prices in minor units of its currency' })
export class PriceBookResponse {
  @TextProperty('Id', { example: 'list-usd-enterprise' }) readonly id!: string;
  @IntegerProperty('Version', { minimum: 1 }) readonly version!: number;
  @TextProperty('sha256 of its canonical content') readonly contentHash!: string;
  @TextProperty('ISO 4217 currency', { example: 'USD' }) readonly currency!: string;
  @TextProperty('Customer segment', { example: 'enterprise' }) readonly segment!: string;
  @ApiProperty({ type: String, format: 'date', description: 'First day in force' }) readonly validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day in force; null until a later version replaces it' }) readonly validUntil!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'List price per SKU in minor units', example: { 'CRM-ENT-SEAT': 198000 } })
  readonly prices!: Record<string, number>;
}

@ApiSchema({ name: 'Catalog', description: 'What quote lines are priced from (README, Products and price books)' })
export class CatalogResponse {
  @ApiProperty({ type: () => [CatalogProductResponse] }) readonly products!: readonly CatalogProductResponse[];
  @ApiProperty({ type: () => [PriceBookResponse], description: 'Every version of every price book' }) readonly priceBooks!: readonly PriceBookResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Tax rate per region in parts per million', example: { 'US-NY': 88750 } })
  readonly taxRates!: Record<string, number>;
  @TextProperty('Reporting currency', { example: 'USD' }) readonly reportingCurrency!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'What one unit of each currency is worth in the reporting currency', example: { CNY: '0.1389' } })
  readonly exchangeRates!: Record<string, string>;
}

@ApiSchema({ name: 'QuoteDocument', description: 'The quote document as JSON (format=json): the HTML with its hash' })
export class QuoteDocumentResponse {
  @TextProperty('Record id (the quote)') readonly recordId!: string;
  @IntegerProperty('Quote version', { minimum: 1 }) readonly version!: number;
  @TextProperty('Language', { example: 'en' }) readonly locale!: string;
  @TextProperty('sha256 (hex) of html: for a sent version in its locale, the hash QuoteSent stored') readonly documentHash!: string;
  @ApiProperty({ type: Boolean, description: 'Whether this version was sent' }) readonly sent!: boolean;
  @TextProperty('The HTML document') readonly html!: string;
}
