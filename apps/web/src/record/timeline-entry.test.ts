import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/api-types';
import { taskTitlesOf, timelineFacts } from './timeline-entry';

const entry = (type: string, data: Record<string, unknown>): HistoryEntry => ({ id: type, type, revision: 0, occurredAt: '2026-03-02T10:00:00.000Z', metadata: { actor: 'rita' }, data });
const titles: Record<string, string> = { qualification: 'Qualification', needs_analysis: 'Needs analysis' };

describe('timeline lines', () => {
  it('given a transition with a reason, then the line names the step, both stages, and why', () => {
    expect(timelineFacts(entry('Transitioned', { event: 'analyze_needs', from: 'qualification', to: 'needs_analysis', reason: 'budget confirmed' }), (stage) => titles[stage] ?? stage)).toEqual({
      what: 'transitioned',
      values: { event: 'analyze_needs', from: 'Qualification', to: 'Needs analysis' },
      why: 'budget confirmed',
    });
  });

  it('given a task completed, then the line names the task by the title it was opened with', () => {
    const history = [entry('TaskOpened', { taskId: 't1', title: 'Send the proposal' }), entry('TaskCompleted', { taskId: 't1', note: 'sent by mail' })];
    expect(timelineFacts(history[1], (stage) => stage, taskTitlesOf(history))).toEqual({ what: 'task.TaskCompleted', values: { title: 'Send the proposal' }, why: 'sent by mail' });
  });

  it('given an event type the timeline does not know, then it is named by its type', () => {
    expect(timelineFacts(entry('SomethingNew', {}), (stage) => stage).what).toBe('event.SomethingNew');
  });
});
