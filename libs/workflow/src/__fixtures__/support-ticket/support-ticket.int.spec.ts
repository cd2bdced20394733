import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { openAccess } from '../../access/record-access';
import { BlueprintCatalog } from '../../blueprint-catalog/blueprint-catalog';
import { RecordCommandHandler } from '../../record/record-command.handler';
import { RECORD_SLICES, RecordSlices } from '../../record/record-slices';
import { WorkflowException, WorkflowExceptionCode } from '../../workflow.exception';
import { escalation, escalationSlice, type EscalateTicket } from './escalation.slice';
import { supportTicketBlueprint } from './support-ticket.blueprint';

const ada = { id: 'ada', roles: ['admin'] };
const escalate = (level: number, commandId: string): EscalateTicket => ({ type: 'EscalateTicket', kind: 'support_ticket', recordId: 't-1', level, commandId, actor: ada });

describe('a record kind and its own slice, added in one folder', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let catalog: BlueprintCatalog;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-ticket-'));
    store = await SqliteEventStore.open({ directory, clock });
    catalog = await BlueprintCatalog.open(store, [supportTicketBlueprint()]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given the escalation slice registered, when a ticket is opened and escalated twice, then its events are stored and its own state folds them', async () => {
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, slices: new RecordSlices([...RECORD_SLICES, escalationSlice]) });
    await handler.execute({ type: 'OpenRecord', kind: 'support_ticket', recordId: 't-1', commandId: 'c-1', actor: ada, fields: { subject: 'VPN down' } });

    await handler.execute(escalate(2, 'c-2'));
    const third = await handler.execute(escalate(3, 'c-3'));

    expect(third.events.map((event) => [event.type, event.data])).toEqual([['TicketEscalated', { recordId: 't-1', from: 2, to: 3 }]]);
    const ticket = await handler.read('support_ticket', 't-1', ada);
    expect(escalation.read(ticket)).toEqual({ level: 3, history: [2, 3] });

    // Folded again from the store by another process, the part is the same.
    const fresh = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, slices: new RecordSlices([...RECORD_SLICES, escalationSlice]) });
    expect(escalation.read(await fresh.read('support_ticket', 't-1', ada))).toEqual({ level: 3, history: [2, 3] });
  });

  it('given the slice registered, when a command breaks its rules, then the refusal names them and nothing is stored', async () => {
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, slices: new RecordSlices([...RECORD_SLICES, escalationSlice]) });
    await handler.execute({ type: 'OpenRecord', kind: 'support_ticket', recordId: 't-1', commandId: 'c-1', actor: ada });
    const head = await store.headPosition();

    await expect(handler.execute(escalate(9, 'c-2'))).rejects.toMatchObject({
      code: WorkflowExceptionCode.INVALID_COMMAND,
      details: { problems: ['level: expected 1, 2 or 3'] },
    });
    expect(await store.headPosition()).toEqual(head);
  });

  it('given the default slices only, when the same command arrives, then it is an unknown command', async () => {
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    const refusal = handler.execute(escalate(2, 'c-2'));
    await expect(refusal).rejects.toBeInstanceOf(WorkflowException);
    await expect(refusal).rejects.toThrow(/unknown command "EscalateTicket"/);
  });
});
