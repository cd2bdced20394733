import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { listScope, type UserDirectory } from '@crm/identity';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { explainSalesFigure } from '@crm/projections';
import { ENGINE, READ_MODELS, USER_DIRECTORY } from '../../api.tokens';
import { knownKind } from '../../read-models/known-kind';
import { historyEntry } from '../../records/record-view';
import { analyticsQueryOf } from '../analytics-requests.dto';
import type { ExplainedFigure } from '../explained-figure';
import { ExplainSalesFigureQuery } from './explain-sales-figure.query';

const DEFAULT_LIMIT = 100;

@QueryHandler(ExplainSalesFigureQuery)
export class ExplainSalesFigureHandler implements IQueryHandler<ExplainSalesFigureQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  /** The records behind a figure by the read rule of GET /records; each one's events read through the same rule, up to asOf. */
  async execute({ user, request }: ExplainSalesFigureQuery): Promise<ExplainedFigure> {
    const kind = knownKind(this.engine.catalog, request.kind);
    const scope = listScope(user, this.users, kind);
    const explanation = explainSalesFigure(this.readModels.db, this.engine.clock, {
      ...analyticsQueryOf(request),
      kind,
      metric: request.metric,
      ...(request.group === undefined ? {} : { group: request.group }),
      ...(request.stage === undefined ? {} : { stage: request.stage }),
      ...(request.bucket === undefined ? {} : { bucket: request.bucket }),
      ...(request.category === undefined ? {} : { category: request.category }),
      ...(request.column === undefined ? {} : { column: request.column }),
      ...(scope.all ? {} : { visibleTo: scope }),
    });
    const limit = request.limit ?? DEFAULT_LIMIT;
    const listed = explanation.records.slice(0, limit);
    const histories = new Map<string, ReturnType<typeof historyEntry>[]>();
    const records = [];
    for (const record of listed) {
      if (!histories.has(record.recordId)) {
        const events = await this.engine.commands.history(kind, record.recordId, user);
        histories.set(record.recordId, events.filter((event) => event.occurredAt <= explanation.asOf).map(historyEntry));
      }
      records.push({ ...record, events: histories.get(record.recordId) ?? [] });
    }
    return { ...explanation, records, unlisted: explanation.records.length - listed.length };
  }
}
