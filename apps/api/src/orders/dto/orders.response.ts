import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** What the payments webhook answers (also to a payment sent again: the same answer). */
export interface PaymentReceipt {
  readonly order: string;
  readonly paymentId: string;
  readonly stage: string;
  readonly currency: string;
  readonly paidMinor: number;
  readonly balanceMinor: number;
  readonly events: readonly string[];
}

@ApiSchema({ name: 'PaymentReceipt', description: 'The order after the payment: its stage, what is paid and what is left, in minor units' })
export class PaymentReceiptResponse implements PaymentReceipt {
  @ApiProperty() readonly order!: string;
  @ApiProperty({ description: "The payment system's id of the payment" }) readonly paymentId!: string;
  @ApiProperty({ example: 'partly_paid' }) readonly stage!: string;
  @ApiProperty({ example: 'USD' }) readonly currency!: string;
  @ApiProperty({ type: 'integer' }) readonly paidMinor!: number;
  @ApiProperty({ type: 'integer' }) readonly balanceMinor!: number;
  @ApiProperty({ type: [String], description: 'The events this call stored; empty for a payment sent again' }) readonly events!: string[];
}

export interface AcceptanceLink {
  readonly quote: string;
  readonly token: string;
  readonly expiresAt: string;
}

@ApiSchema({ name: 'AcceptanceLink', description: "A customer's signed, expiring, single-use link to accept a sent quote" })
export class AcceptanceLinkResponse implements AcceptanceLink {
  @ApiProperty() readonly quote!: string;
  @ApiProperty({ description: 'Give it to the customer; POST /quote-acceptance with it accepts the quote once' }) readonly token!: string;
  @ApiProperty({ format: 'date-time' }) readonly expiresAt!: string;
}

export interface QuoteAcceptance {
  readonly quote: string;
  readonly stage: string;
  readonly acceptedAt: string;
}

@ApiSchema({ name: 'QuoteAcceptance', description: 'The quote the link accepted' })
export class QuoteAcceptanceResponse implements QuoteAcceptance {
  @ApiProperty() readonly quote!: string;
  @ApiProperty({ example: 'accepted' }) readonly stage!: string;
  @ApiProperty({ format: 'date-time' }) readonly acceptedAt!: string;
}
