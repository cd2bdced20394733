import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IntegerProperty, NumberProperty, TextProperty } from '../../http/dto/schema-properties';

const MinorUnits = (description: string): PropertyDecorator => IntegerProperty(`${description}, in minor units of the currency (cents; yen)`, { minimum: 0 });

@ApiSchema({ name: 'PricedLine', description: 'A quote line priced from the pinned price book' })
export class PricedLineResponse {
  @IntegerProperty('Line number, from 1', { minimum: 1 }) readonly line!: number;
  @TextProperty('Product SKU', { example: 'CRM-ENT-SEAT' }) readonly sku!: string;
  @TextProperty('Product name when priced') readonly name!: string;
  @TextProperty('What one of quantity counts', { example: 'seat' }) readonly unit!: string;
  @TextProperty('Product family', { example: 'subscription' }) readonly family!: string;
  @NumberProperty('Quantity (above 0, at most 3 decimals)') readonly quantity!: number;
  @NumberProperty('Percent off the list price (0–100, at most 2 decimals)') readonly discountPercent!: number;
  @MinorUnits('List price of one unit') readonly listPrice!: number;
  @MinorUnits('listPrice × quantity') readonly gross!: number;
  @MinorUnits('The line discount') readonly discount!: number;
  @MinorUnits('gross − discount') readonly net!: number;
  @MinorUnits('Tax on net') readonly tax!: number;
  @MinorUnits('net + tax') readonly total!: number;
}

@ApiSchema({ name: 'PinnedPriceBook', description: 'The price book version a quote was priced with' })
export class PinnedPriceBookResponse {
  @TextProperty('Price book id', { example: 'list-usd-enterprise' }) readonly id!: string;
  @IntegerProperty('Its version', { minimum: 1 }) readonly version!: number;
  @TextProperty('sha256 of the version’s content') readonly contentHash!: string;
  @TextProperty('Customer segment', { example: 'enterprise' }) readonly segment!: string;
}

@ApiSchema({ name: 'QuoteExchange', description: 'The quote’s currency in the reporting currency, at the rate recorded when priced' })
export class QuoteExchangeResponse {
  @TextProperty('Reporting currency', { example: 'USD' }) readonly base!: string;
  @TextProperty('What one unit of the quote’s currency is worth in base (exact decimal)', { example: '0.1389' }) readonly rate!: string;
  @IntegerProperty('The total in minor units of base', { minimum: 0 }) readonly totalInBase!: number;
}

@ApiSchema({ name: 'PricedQuote', description: 'A quote version’s lines and totals; every amount in minor units of currency' })
export class PricedQuoteResponse {
  @ApiProperty({ type: () => PinnedPriceBookResponse }) readonly priceBook!: PinnedPriceBookResponse;
  @TextProperty('ISO 4217 currency of the price book', { example: 'USD' }) readonly currency!: string;
  @TextProperty('Tax region of the rate table', { example: 'US-NY' }) readonly taxRegion!: string;
  @IntegerProperty('Tax rate in parts per million (8.875% is 88750)', { minimum: 0 }) readonly taxRate!: number;
  @ApiProperty({ type: () => [PricedLineResponse] }) readonly lines!: readonly PricedLineResponse[];
  @MinorUnits('Sum of the lines’ gross amounts') readonly subtotal!: number;
  @MinorUnits('Sum of the lines’ discounts') readonly discount!: number;
  @MinorUnits('Sum of the lines’ taxes') readonly tax!: number;
  @MinorUnits('subtotal − discount + tax = the sum of the lines’ totals') readonly total!: number;
  @NumberProperty('discount ÷ subtotal to 4 decimals: what approval thresholds read') readonly effectiveDiscount!: number;
  @ApiProperty({ type: () => QuoteExchangeResponse }) readonly exchange!: QuoteExchangeResponse;
}

@ApiSchema({ name: 'QuotePricedData' })
export class QuotePricedDataResponse extends PricedQuoteResponse {
  @TextProperty('Record id (the quote)') readonly recordId!: string;
  @IntegerProperty('The quote version the lines belong to', { minimum: 1 }) readonly quoteVersion!: number;
}

@ApiSchema({ name: 'QuoteRevisedData' })
export class QuoteRevisedDataResponse {
  @TextProperty('Record id (the quote)') readonly recordId!: string;
  @IntegerProperty('The version kept in history', { minimum: 1 }) readonly from!: number;
  @IntegerProperty('The version now being changed', { minimum: 2 }) readonly to!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was revised' }) readonly reason!: string | null;
}

@ApiSchema({ name: 'QuoteDocumentFields', description: 'The quote fields a document shows besides its lines, as sent' })
export class QuoteDocumentFieldsResponse {
  @ApiProperty({ type: String, nullable: true }) readonly customerEmail!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) readonly validUntil!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly paymentTerms!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly terms!: string | null;
}

@ApiSchema({ name: 'QuoteSentData' })
export class QuoteSentDataResponse {
  @TextProperty('Record id (the quote)') readonly recordId!: string;
  @IntegerProperty('The version sent', { minimum: 1 }) readonly quoteVersion!: number;
  @TextProperty('Document language', { example: 'en' }) readonly locale!: string;
  @TextProperty('sha256 (hex) of the HTML document sent: GET /records/quote/{id}/document answers the same bytes') readonly documentHash!: string;
  @ApiProperty({ type: () => QuoteDocumentFieldsResponse, description: 'What the document showed of the fields' }) readonly documentFields!: QuoteDocumentFieldsResponse;
  @MinorUnits('Total sent') readonly total!: number;
  @TextProperty('Its currency') readonly currency!: string;
}
