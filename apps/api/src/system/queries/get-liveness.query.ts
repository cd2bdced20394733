import { Query } from '@nestjs/cqrs';

/** What /health tells a caller without a token: nothing about the store, the blueprints or the data. */
export interface Liveness {
  readonly status: 'up' | 'down';
}

export class GetLivenessQuery extends Query<Liveness> {}
