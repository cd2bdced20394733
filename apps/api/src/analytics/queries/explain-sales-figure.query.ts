import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { ExplainedFigure } from '../explained-figure';
import type { ExplainFigureRequest } from '../analytics-requests.dto';

export class ExplainSalesFigureQuery extends Query<ExplainedFigure> {
  constructor(
    readonly user: User,
    readonly request: ExplainFigureRequest,
  ) {
    super();
  }
}
