import { loadOrCreateSecret } from '@crm/engine';
import type { ApiSettings } from '../api-settings';

/** What orders sign and check with (README, Orders and payments). */
export interface OrderSecrets {
  readonly payments: string;
  readonly acceptanceLinks: string;
}

export const orderSecretsOf = (settings: ApiSettings): OrderSecrets => ({
  payments: loadOrCreateSecret(settings.dataDirectory, 'payments-secret', settings.paymentsSecret),
  acceptanceLinks: loadOrCreateSecret(settings.dataDirectory, 'acceptance-link-secret', settings.acceptanceLinkSecret),
});
