import type { Actor } from '@crm/blueprint';
import { RecordScenario, type ScenarioCommand } from '@crm/workflow/testing';
import { defaultBlueprint, errorCodeOf, eventTypes, rita, unmetOf } from './blueprint-spec.fixtures';

const subscription = defaultBlueprint('subscription');
const scenario = (): RecordScenario => new RecordScenario(subscription, rita, new Date('2026-03-02T09:00:00.000Z'));
const reactor: Actor = { id: 'system:reactor:subscription-renewal', roles: ['system'] };

const open: ScenarioCommand = {
  type: 'OpenWithLines',
  fields: { account: 'acct-1', quote: 'quote-1', order: 'order-1', currency: 'USD', termAmount: 12_000, contractEnd: '2026-12-31' },
  source: { kind: 'quote', recordId: 'quote-1', revision: 7 },
  currency: 'USD',
  minorDigits: 2,
  lines: [{ sku: 'PLAT-100', quantity: 10, totalMinor: 1_200_000 }],
  totalMinor: 1_200_000,
};
const openTasks = (record: RecordScenario): string[] => record.current.tasks.filter((task) => task.status === 'open').map((task) => task.template);

describe('subscription blueprint', () => {
  describe('renewal window', () => {
    it('given a term ending December 31st, when opened, then its renewal timer is due 90 days before', () => {
      const record = scenario();
      expect(eventTypes(record.when(open))).toEqual(['RecordOpened', 'TimerScheduled', 'LinesCopied']);
      expect(record.current.timers).toEqual([expect.objectContaining({ timer: 'renewal_window_90', dueAt: '2026-10-02T00:00:00.000Z', action: { kind: 'fire', event: 'open_renewal' } })]);
    });

    it('given an active subscription, when the clock passes 90, 60 and 30 days before the end, then each step opens its renewal task and the earlier ones stay open', () => {
      const record = scenario().given(open);
      expect(record.at('2026-10-01T23:59:00.000Z').fireDueTimers()).toEqual([]);

      record.at('2026-10-02T00:00:00.000Z').fireDueTimers();
      expect(record.current.stage).toBe('renewal_90');
      expect(openTasks(record)).toEqual(['renewal_90']);

      record.at('2026-11-01T00:00:00.000Z').fireDueTimers();
      expect(record.current.stage).toBe('renewal_60');
      record.at('2026-12-01T00:00:00.000Z').fireDueTimers();
      expect(record.current.stage).toBe('renewal_30');
      expect(openTasks(record)).toEqual(['renewal_90', 'renewal_60', 'renewal_30']);
    });

    it('given an active subscription, when a rep fires the renewal window by hand, then the system role is unmet', () => {
      expect(unmetOf(scenario().given(open).when({ type: 'FireTransition', event: 'open_renewal' }))).toEqual(['role']);
    });
  });

  describe('outcome', () => {
    it('given the renewal window, when renewed at a higher amount, then it is renewed with the expansion recorded', () => {
      const record = scenario().given(open, { type: 'FireTransition', event: 'open_renewal', actor: reactor });
      record.when({ type: 'FireTransition', event: 'renew', fields: { renewalAmount: 15_000, movement: 'expansion' }, actor: reactor });
      expect(record.current).toMatchObject({ stage: 'renewed', status: 'closed', fields: { renewalAmount: 15_000, movement: 'expansion' } });
    });

    it('given the renewal window, when churned without a reason, then the reason is unmet; with it, churned', () => {
      const record = scenario().given(open, { type: 'FireTransition', event: 'open_renewal', actor: reactor });
      expect(errorCodeOf(record.when({ type: 'FireTransition', event: 'churn', fields: { movement: 'churn' } }))).toBe('TRANSITION_REFUSED');
      record.when({ type: 'FireTransition', event: 'churn', fields: { movement: 'churn', churnReason: 'price' } });
      expect(record.current).toMatchObject({ stage: 'churned', fields: { movement: 'churn', churnReason: 'price' } });
    });
  });

  describe('health score', () => {
    it('given usage, a support ticket and a payment delay, then the health score is folded from the declared inputs', () => {
      const record = scenario().given(open);
      for (const activity of ['usage_reported', 'usage_reported', 'support_ticket_opened', 'payment_delayed']) record.given({ type: 'RecordActivity', activity });
      expect(record.current.parts.get('scoring')).toMatchObject({ score: 5 + 5 - 5 - 15 });
    });

    it('when an input the blueprint does not declare is posted, then UNKNOWN_ACTIVITY names the declared ones', () => {
      const refused = scenario().given(open).when({ type: 'RecordActivity', activity: 'logged_in' });
      expect(errorCodeOf(refused)).toBe('UNKNOWN_ACTIVITY');
      expect(refused.ok ? null : refused.error.details['available']).toEqual(['usage_reported', 'support_ticket_opened', 'payment_delayed']);
    });
  });
});
