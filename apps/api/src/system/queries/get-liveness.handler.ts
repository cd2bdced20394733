import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { ENGINE } from '../../api.tokens';
import { GetLivenessQuery, type Liveness } from './get-liveness.query';

@QueryHandler(GetLivenessQuery)
export class GetLivenessHandler implements IQueryHandler<GetLivenessQuery> {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  /** Up when the event store answers a read. Why not is for a caller with a token (the detailed health). */
  async execute(): Promise<Liveness> {
    try {
      await this.engine.store.headPosition();
      return { status: 'up' };
    } catch {
      return { status: 'down' };
    }
  }
}
