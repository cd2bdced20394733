import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBlueprint, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { newCommandId } from '@crm/command-handler';
import { SqliteEventStore, type EventStore } from '@crm/event-store';
import { openAccess } from '../access/record-access';
import { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import { RecordCommandHandler } from '../record/record-command.handler';
import type { RecordCommand } from '../record/record.commands';
import { businessTiming, standardTiming } from '../timers/timing';
import { WorkflowException } from '../workflow.exception';

const rita: Actor = { id: 'rita', roles: ['rep'] };

const deal = `
id: deal
version: 1
kind: deal
title: Deal
initialStage: open
fields:
  name: { type: string }
stages:
  open: { title: Open, order: 1, probability: 10, forecastCategory: pipeline }
  won: { title: Won, order: 2, probability: 100, forecastCategory: closed, outcome: won }
transitions:
  - { event: win, title: Win the deal, from: open, to: won, roles: [manager] }
`;

/** The users file as the API reads it: who is in which team with which roles. */
const users = [
  { id: 'rita', name: 'Rita Rep', roles: ['rep'], team: 'east' },
  { id: 'maria', name: 'Maria Rossi', roles: ['manager'], team: 'east' },
  { id: 'bo', name: 'Bo Chen', roles: ['manager'], team: 'east' },
  { id: 'mike', name: 'Mike West', roles: ['manager'], team: 'west' },
];
const teamOf = (user: string): string | null => users.find((candidate) => candidate.id === user)?.team ?? null;
const roleHolders = (role: string, team: string | null): string[] => users.filter((user) => user.roles.includes(role) && user.team === team).map((user) => user.name);

describe('a refusal by role names who holds the role in the record’s team', () => {
  let directory: string;
  let store: EventStore;
  let catalog: BlueprintCatalog;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const command = (partial: Record<string, unknown>): RecordCommand => ({ commandId: newCommandId(clock), actor: rita, kind: 'deal', ...partial }) as unknown as RecordCommand;

  const refusalOf = async (handler: RecordCommandHandler, recordId: string): Promise<WorkflowException> => {
    try {
      await handler.execute(command({ type: 'FireTransition', recordId, event: 'win' }));
    } catch (error) {
      if (error instanceof WorkflowException) return error;
      throw error;
    }
    throw new Error('expected the transition to be refused');
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-role-holders-'));
    store = await SqliteEventStore.open({ directory, clock });
    catalog = await BlueprintCatalog.open(store, [parseBlueprint(deal, 'deal.blueprint.yaml')]);
  });

  afterEach(async () => {
    await catalog.stop();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given rita’s deal in team east, when rita (a rep) wins it, then the refusal names the win by its title and says who holds the role manager there, by name', async () => {
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, timing: businessTiming(standardTiming().calendars, teamOf), roleHolders });
    const { recordId } = await handler.execute(command({ type: 'OpenRecord', fields: { name: 'Globex' } }));

    const refusal = await refusalOf(handler, recordId);

    expect(refusal.message).toBe(`Win the deal is not possible for deal "${recordId}": requires the role manager — held by Bo Chen, Maria Rossi in team east`);
    expect(refusal.details['unmet']).toEqual([expect.objectContaining({ criterion: 'role', message: 'requires the role manager — held by Bo Chen, Maria Rossi in team east' })]);
  });

  it('given an owner with no team, when refused by role, then it says nobody without a team holds it', async () => {
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, roleHolders });
    const { recordId } = await handler.execute(command({ type: 'OpenRecord', fields: { name: 'Initech' } }));

    expect((await refusalOf(handler, recordId)).message).toContain('requires the role manager — nobody with no team holds it');
  });

  it('given rita’s deal in team east, when she asks what blocks her next step, then the explanation says who holds the role manager there, as the refusal does', async () => {
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, timing: businessTiming(standardTiming().calendars, teamOf), roleHolders });
    const { recordId } = await handler.execute(command({ type: 'OpenRecord', fields: { name: 'Hooli' } }));
    const record = await handler.read('deal', recordId, rita);

    const next = handler.nextSteps(record, rita);

    expect(next).toEqual([
      { event: 'win', title: 'Win the deal', to: 'won', allowed: false, unmet: [expect.objectContaining({ criterion: 'role', message: 'requires the role manager — held by Bo Chen, Maria Rossi in team east' })] },
    ]);
  });
});
