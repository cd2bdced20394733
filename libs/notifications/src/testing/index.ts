export { WebhookReceiver } from './webhook-receiver';
export type { Answer, ReceivedDelivery } from './webhook-receiver';
