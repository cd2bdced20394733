import { checkSalesHistory } from './check-sales-history';

describe('the benchmark’s sales history is what the command handler stores', () => {
  it('given a seeded history of 2,000 events, when it is generated in bulk and sent command by command through RecordCommandHandler, then the stored rows are identical byte for byte', async () => {
    const check = await checkSalesHistory(2_000, 20_261_123);

    expect(check.firstDifference).toBeNull();
    expect(check.generatedRows).toBe(check.handledRows);
    expect(check.generatedRows).toBeGreaterThanOrEqual(2_000);
    // The history exercises more than opens: transitions, updates and a blueprint v2 partway.
    expect(Object.keys(check.summary.eventTypes)).toEqual(expect.arrayContaining(['RecordOpened', 'Transitioned', 'FieldsChanged']));
  });

  it('given another seed, when checked, then the rows are identical too (the generator follows the engine, not one fixed path)', async () => {
    const check = await checkSalesHistory(800, 7);

    expect(check.firstDifference).toBeNull();
    expect(check.commands).toBeGreaterThan(0);
  });
});
