import { compileBlueprint, parseBlueprint } from '@crm/blueprint';
import { RecordScenario } from '../testing/record-scenario';

/** A contract renewal that closes itself a week after the renewal date, but only once its value is known. */
const renewal = () =>
  compileBlueprint(
    parseBlueprint(
      `
id: renewal
version: 1
title: Renewal
initialStage: due
fields:
  renewalDate: { type: date }
  value:       { type: money }
stages:
  due:
    title: Due
    order: 1
    probability: 50
    forecastCategory: pipeline
    timers:
      - { id: auto_renew, at: renewalDate + P7D, then: { fire: renew }, message: Renewed automatically a week after the renewal date }
  renewed: { title: Renewed, order: 2, probability: 100, forecastCategory: closed, outcome: won }
transitions:
  - { event: renew, title: Renew the contract, from: due, to: renewed, requires: [value] }
`,
      'renewal.blueprint.yaml',
    ),
  );

const rita = { id: 'rita', roles: ['rep'] };

describe('timers: an automatic transition goes through the same guards', () => {
  it('given a renewal whose value is known, when its timer falls due, then it renews, as system:timer', () => {
    const record = new RecordScenario(renewal(), rita).given({ type: 'OpenRecord', fields: { renewalDate: '2026-06-01', value: 12_000 } });

    expect(record.at('2026-06-07T23:59:59.999Z').fireDueTimers()).toEqual([]);
    const [renewed] = record.at('2026-06-08T00:00:00.000Z').fireDueTimers();

    if (renewed === undefined || !renewed.ok) throw new Error(`expected the timer to fire: ${JSON.stringify(renewed)}`);
    expect(renewed.events.map((event) => event.type)).toEqual(['TimerFired', 'Transitioned']);
    expect(renewed.events[0]?.data).toMatchObject({ timer: 'auto_renew', outcome: 'done', unmet: [] });
    expect(record.current.stage).toBe('renewed');
  });

  it('given a renewal without a value, when its timer falls due, then the refusal is stored with what is unmet, a task asks the owner to resolve it, and the record stays', () => {
    const record = new RecordScenario(renewal(), rita).given({ type: 'OpenRecord', fields: { renewalDate: '2026-06-01' } });

    const [refused] = record.at('2026-06-08T00:00:00.000Z').fireDueTimers();

    if (refused === undefined || !refused.ok) throw new Error(`expected the refusal to be stored: ${JSON.stringify(refused)}`);
    expect(refused.events.map((event) => event.type)).toEqual(['TimerFired', 'TaskOpened']);
    expect(refused.events[0]?.data).toMatchObject({
      timer: 'auto_renew',
      outcome: 'refused',
      unmet: [expect.objectContaining({ criterion: 'required_field', field: 'value' })],
      owner: 'rita',
    });
    expect(record.current.stage).toBe('due');
    expect(record.current.timers).toEqual([]);
    expect(record.current.tasks).toEqual([expect.objectContaining({ template: 'resolve_renew', assignee: 'rita', status: 'open', title: 'Resolve: Renew the contract could not happen automatically (Value is required)' })]);
    // Fired once: asking again finds nothing pending.
    expect(record.at('2026-06-09T00:00:00.000Z').fireDueTimers()).toEqual([]);
  });
});
