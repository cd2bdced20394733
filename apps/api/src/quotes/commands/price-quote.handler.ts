import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../../records/record-desk';
import type { RecordWriteResult } from '../../records/record-view';
import { PriceQuoteCommand } from './price-quote.command';

/** Through the engine's one command handler: the same guards, access policy and idempotency as any write. */
@CommandHandler(PriceQuoteCommand)
export class PriceQuoteHandler implements ICommandHandler<PriceQuoteCommand> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, request, idempotencyKey }: PriceQuoteCommand): Promise<RecordWriteResult> {
    const { lines, priceBook, priceBookVersion, taxRegion, expectedRevision } = request;
    const result = await this.desk.engine.commands.execute({
      type: 'PriceQuote',
      kind,
      recordId: id,
      lines: lines.map(({ sku, quantity, discountPercent }) => ({ sku, quantity, ...(discountPercent === undefined ? {} : { discountPercent }) })),
      ...(priceBook === undefined ? {} : { priceBook }),
      ...(priceBookVersion === undefined ? {} : { priceBookVersion }),
      ...(taxRegion === undefined ? {} : { taxRegion }),
      expectedRevision,
      commandId: this.desk.commandId(user, idempotencyKey),
      actor: user,
      origin: { via: 'api' },
    });
    return this.desk.answer(user, result);
  }
}
