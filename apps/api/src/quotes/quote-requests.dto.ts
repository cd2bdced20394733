import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
import { QUOTE_LOCALES, type QuoteLocale } from '@crm/catalog';

export class QuoteLineRequest {
  @ApiProperty({ description: 'Product SKU from the catalog', example: 'CRM-ENT-SEAT' })
  @IsString()
  @Length(1, 64)
  sku!: string;

  @ApiProperty({ description: 'Above 0, at most 3 decimals (checked by the engine, which names the line)', example: 40 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  quantity!: number;

  @ApiPropertyOptional({ description: 'Percent off the list price, 0–100, at most 2 decimals; default 0', example: 25 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  discountPercent?: number;
}

export class PriceQuoteRequest {
  @ApiPropertyOptional({ description: 'Price book id; absent: the one the quote is pinned to (required the first time)', example: 'list-usd-enterprise' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  priceBook?: string;

  @ApiPropertyOptional({ description: 'A version of it; absent: the pinned version (same book) or the latest' })
  @IsOptional()
  @IsInt()
  @Min(1)
  priceBookVersion?: number;

  @ApiPropertyOptional({ description: 'Tax region of the rate table; absent: the quote’s (required the first time)', example: 'US-NY' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  taxRegion?: string;

  @ApiProperty({ type: () => [QuoteLineRequest], description: 'The lines, replacing the current version’s lines' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QuoteLineRequest)
  lines!: QuoteLineRequest[];

  @ApiPropertyOptional({ description: 'Fail with 409 unless the quote is at this revision' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;
}

export class QuoteVersionRequest {
  @ApiPropertyOptional({ description: 'A quote version; default the current one', example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export const DOCUMENT_FORMATS = ['html', 'pdf', 'json'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export class QuoteDocumentRequest extends QuoteVersionRequest {
  @ApiPropertyOptional({ enum: QUOTE_LOCALES, description: 'Language; default the quote’s language field, else en' })
  @IsOptional()
  @IsIn(QUOTE_LOCALES)
  locale?: QuoteLocale;

  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, description: 'html (the contract, default), pdf (printed from it by headless Chromium), or json (the HTML with its hash)' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format?: DocumentFormat;
}

export class PriceBooksRequest {
  @ApiPropertyOptional({ description: 'Only price books in this currency', example: 'USD' })
  @IsOptional()
  @IsString()
  @Length(3, 3)
  currency?: string;

  @ApiPropertyOptional({ description: 'Only price books for this segment', example: 'enterprise' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  segment?: string;
}
