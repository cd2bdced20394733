import { compileBlueprint, parseBlueprint, type Actor } from '@crm/blueprint';
import { RecordScenario, type ScenarioCommand } from '../testing/record-scenario';
import type { ImportedStageVisit } from './history-import.commands';

const importer: Actor = { id: 'ada', roles: ['admin'] };

const blueprint = compileBlueprint(
  parseBlueprint(
    `
id: opportunity
version: 1
kind: opportunity
title: Opportunity
initialStage: qualification
fields:
  name:       { type: string }
  amount:     { type: money }
  closeDate:  { type: date }
  lossReason: { type: enum, values: [price, competitor] }
stages:
  qualification:     { title: Qualification, order: 1, probability: 10, forecastCategory: pipeline }
  needs_analysis:    { title: Needs analysis, order: 2, probability: 20, forecastCategory: pipeline }
  negotiation:       { title: Negotiation, order: 3, probability: 70, forecastCategory: best_case }
  contract_approval: { title: Contract approval, order: 4, probability: 90, forecastCategory: commit }
  closed_won:        { title: Closed won, order: 5, probability: 100, forecastCategory: closed, outcome: won }
  closed_lost:       { title: Closed lost, order: 6, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: analyze_needs, from: qualification, to: needs_analysis }
  - { event: negotiate, from: needs_analysis, to: negotiation, requires: [amount], when: [amount > 0] }
  - { event: request_approval, from: negotiation, to: contract_approval, ownerOnly: true }
  - { event: close_won, from: contract_approval, to: closed_won, requires: [amount, closeDate], roles: [manager] }
  - { event: close_lost, from: any-open, to: closed_lost, supply: [lossReason] }
`,
    'opportunity.blueprint.yaml',
  ),
);

const imported = (stages: ImportedStageVisit[], fields: Record<string, string | number> = { name: 'Legacy deal' }): ScenarioCommand => ({
  type: 'ImportRecordHistory',
  owner: 'someone-from-elsewhere',
  openedAt: '2017-01-02T00:00:00Z',
  fields,
  stages,
  source: 'deals.csv#row 2',
});

const moves = (scenario: RecordScenario, command: ScenarioCommand) => {
  const outcome = scenario.when(command);
  if (!outcome.ok) throw outcome.error;
  return outcome.events.filter((event) => event.type !== 'FieldsChanged' && event.type !== 'RecordOpened');
};

describe('imported history against the blueprint', () => {
  it('given a move that a transition explains with its criteria met by the fields at that moment, when imported, then it is stored as that Transitioned', () => {
    const scenario = new RecordScenario(blueprint, importer);

    const stored = moves(
      scenario,
      imported([
        { stage: 'needs_analysis', enteredAt: '2017-01-05T00:00:00Z' },
        { stage: 'negotiation', enteredAt: '2017-02-01T00:00:00Z', fields: { amount: 5_000 } },
      ]),
    );

    expect(stored).toEqual([
      expect.objectContaining({ type: 'Transitioned', data: { recordId: 'rec-1', event: 'analyze_needs', from: 'qualification', to: 'needs_analysis', reason: null } }),
      expect.objectContaining({ type: 'Transitioned', data: { recordId: 'rec-1', event: 'negotiate', from: 'needs_analysis', to: 'negotiation', reason: null } }),
    ]);
  });

  it('given a deal that went from qualification straight to closed won without an amount, when imported, then StageRecorded names the unmet stage and amount criteria, never a transition', () => {
    const scenario = new RecordScenario(blueprint, importer);

    const stored = moves(scenario, imported([{ stage: 'closed_won', enteredAt: '2017-03-01T00:00:00Z', fields: { closeDate: '2017-03-01' } }]));

    expect(stored).toEqual([
      {
        type: 'StageRecorded',
        occurredAt: '2017-03-01T00:00:00.000Z',
        data: {
          recordId: 'rec-1',
          from: 'qualification',
          to: 'closed_won',
          unmet: [
            { event: 'close_won', criterion: 'stage', message: 'Close won is possible only from Contract approval; this opportunity is in Qualification' },
            { event: 'close_won', criterion: 'required_field', field: 'amount', message: 'Amount is required' },
          ],
        },
      },
    ]);
    expect(scenario.current).toMatchObject({ stage: 'closed_won', status: 'closed', stageEnteredAt: '2017-03-01T00:00:00.000Z' });
  });

  it('given a move along a transition whose criteria the fields then did not meet, when imported, then StageRecorded names exactly those criteria', () => {
    const scenario = new RecordScenario(blueprint, importer);

    const stored = moves(
      scenario,
      imported([
        { stage: 'needs_analysis', enteredAt: '2017-01-05T00:00:00Z' },
        { stage: 'negotiation', enteredAt: '2017-02-01T00:00:00Z', fields: { amount: -3 } },
        { stage: 'closed_lost', enteredAt: '2017-03-01T00:00:00Z' },
      ]),
    );

    expect(stored.map((event) => [event.type, event.data])).toEqual([
      ['Transitioned', expect.objectContaining({ event: 'analyze_needs' })],
      [
        'StageRecorded',
        {
          recordId: 'rec-1',
          from: 'needs_analysis',
          to: 'negotiation',
          unmet: [{ event: 'negotiate', criterion: 'expression', expression: 'amount > 0', message: expect.any(String) }],
        },
      ],
      [
        'StageRecorded',
        {
          recordId: 'rec-1',
          from: 'negotiation',
          to: 'closed_lost',
          unmet: [{ event: 'close_lost', criterion: 'supplied_field', field: 'lossReason', message: expect.any(String) }],
        },
      ],
    ]);
    expect(scenario.current).toMatchObject({ stage: 'closed_lost', status: 'closed' });
  });

  it('given transitions that ask for a role or the owner, when imported, then who acted elsewhere is not judged: the move is a Transitioned', () => {
    const scenario = new RecordScenario(blueprint, importer);

    const stored = moves(
      scenario,
      imported(
        [
          { stage: 'needs_analysis', enteredAt: '2017-01-05T00:00:00Z' },
          { stage: 'negotiation', enteredAt: '2017-02-01T00:00:00Z' },
          { stage: 'contract_approval', enteredAt: '2017-02-10T00:00:00Z' },
          { stage: 'closed_won', enteredAt: '2017-03-01T00:00:00Z', fields: { closeDate: '2017-03-01' } },
        ],
        { name: 'Legacy deal', amount: 9_000 },
      ),
    );

    expect(stored.map((event) => [event.type, event.data['event' as keyof typeof event.data]])).toEqual([
      ['Transitioned', 'analyze_needs'],
      ['Transitioned', 'negotiate'],
      ['Transitioned', 'request_approval'],
      ['Transitioned', 'close_won'],
    ]);
  });

  it('given a move back to a stage no transition leads to, when imported, then StageRecorded says no transition leads there', () => {
    const scenario = new RecordScenario(blueprint, importer);

    const stored = moves(
      scenario,
      imported([
        { stage: 'needs_analysis', enteredAt: '2017-01-05T00:00:00Z' },
        { stage: 'qualification', enteredAt: '2017-01-06T00:00:00Z' },
      ]),
    );

    expect(stored[1]).toMatchObject({
      type: 'StageRecorded',
      data: { from: 'needs_analysis', to: 'qualification', unmet: [{ criterion: 'stage', message: 'no transition of opportunity v1 leads to qualification' }] },
    });
    expect(scenario.current).toMatchObject({ stage: 'qualification', status: 'open', stageEnteredAt: '2017-01-06T00:00:00.000Z' });
  });

  it('given a date that does not exist, when imported, then the history is refused naming it, not moved to another day', () => {
    const scenario = new RecordScenario(blueprint, importer);

    const outcome = scenario.when(imported([{ stage: 'needs_analysis', enteredAt: '2017-02-30T00:00:00Z' }]));

    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.details['problems']).toEqual(['stages[0].enteredAt: expected an ISO-8601 date-time with offset, got "2017-02-30T00:00:00Z"']);
  });
});
