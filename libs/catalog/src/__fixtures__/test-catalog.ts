import { createHash } from 'node:crypto';
import type { PriceBook, QuoteCatalog } from '../catalog/quote-catalog';

const book = (content: Omit<PriceBook, 'contentHash'>): PriceBook => ({ ...content, contentHash: createHash('sha256').update(JSON.stringify(content)).digest('hex') });

/** A small catalog in three currencies (two with cents, one without), for pricing specifications. */
export const testCatalog = (): QuoteCatalog => ({
  products: new Map([
    ['SEAT', { sku: 'SEAT', name: 'Seat', unit: 'seat', family: 'subscription' }],
    ['HOUR', { sku: 'HOUR', name: 'Consulting', unit: 'hour', family: 'service' }],
    ['KIOSK', { sku: 'KIOSK', name: 'Kiosk', unit: 'device', family: 'hardware' }],
  ]),
  priceBooks: [
    book({ id: 'usd', version: 1, currency: 'USD', segment: 'enterprise', validFrom: '2025-01-01', validUntil: '2025-12-31', prices: { SEAT: 100_000, HOUR: 18_000 } }),
    book({ id: 'usd', version: 2, currency: 'USD', segment: 'enterprise', validFrom: '2026-01-01', validUntil: null, prices: { SEAT: 120_000, HOUR: 19_550 } }),
    book({ id: 'cny', version: 1, currency: 'CNY', segment: 'enterprise', validFrom: '2026-01-01', validUntil: null, prices: { SEAT: 860_000, HOUR: 140_000, KIOSK: 459_999 } }),
    book({ id: 'jpy', version: 1, currency: 'JPY', segment: 'enterprise', validFrom: '2026-01-01', validUntil: null, prices: { SEAT: 180_000, HOUR: 29_000, KIOSK: 97_777 } }),
  ],
  taxRates: { rates: { EXEMPT: 0, 'US-CA': 72_500, 'US-NY': 88_750, CN: 130_000, JP: 100_000 } },
  exchangeRates: { base: 'USD', rates: { CNY: '0.1389', JPY: '0.0067' } },
});
