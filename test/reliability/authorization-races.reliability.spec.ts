import { ApiHarness, type DemoUser } from '../e2e/api-harness';

/**
 * The access policy is part of the decision: it is judged on the very state a write is decided and
 * appended from. Three races that broke that promise when the check was made on an earlier read, each
 * run for ten rounds over real HTTP; afterwards every stored event is checked against the owner the
 * record had at the revision before it.
 */
const ROUNDS = 10;
const PATCHES_PER_ROUND = 30;

interface HistoryEvent {
  readonly type: string;
  readonly revision: number;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly actor: string; readonly roles: readonly string[] };
}

/**
 * The events of a record whose actor was a rep who did not own the record at the revision written (the
 * owner as of the event before). Admins and managers act by their own rules; this only judges reps.
 */
const writtenByNonOwnerReps = (events: readonly HistoryEvent[]): HistoryEvent[] => {
  let owner: string | null = null;
  const offending: HistoryEvent[] = [];
  for (const event of events) {
    const isRep = event.metadata.roles.includes('rep') && !event.metadata.roles.some((role) => role === 'admin' || role === 'manager');
    const claimsPoolLead = event.type === 'OwnerChanged' && owner === null && event.data['to'] === event.metadata.actor;
    if (event.type !== 'RecordOpened' && isRep && owner !== event.metadata.actor && !claimsPoolLead) offending.push(event);
    if (event.type === 'RecordOpened') owner = (event.data['owner'] as string | null) ?? null;
    if (event.type === 'OwnerChanged') owner = (event.data['to'] as string | null) ?? null;
  }
  return offending;
};

describe('authorization races (the policy judged inside the record lock)', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start();
  });
  afterAll(async () => {
    await harness.stop();
  });

  const historyOf = async (kind: string, id: string): Promise<HistoryEvent[]> => {
    const history = await harness.request<{ events: HistoryEvent[] }>('ada', 'GET', `/records/${kind}/${id}/history`);
    expect(history.status).toBe(200);
    return history.body.events;
  };

  it(`given rita patching her deal ${PATCHES_PER_ROUND} times while an admin reassigns it to raj, then no event of rita lands after the reassignment (${ROUNDS} rounds)`, async () => {
    const offending: HistoryEvent[] = [];
    const statuses = new Set<number>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const id = await harness.openOpportunity('rita', { name: `Race ${round}` });
      // The reassignment goes out among the patches, at another place each round.
      const reassignAt = 2 + ((round * 7) % (PATCHES_PER_ROUND - 4));
      const answers = await Promise.all(
        Array.from({ length: PATCHES_PER_ROUND + 1 }, (_, index) =>
          index === reassignAt
            ? harness.request('ada', 'POST', `/records/opportunity/${id}/owner`, { owner: 'raj' })
            : harness.request('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { notes: `patch ${index}` } }),
        ),
      );
      answers.forEach((answer) => statuses.add(answer.status));
      offending.push(...writtenByNonOwnerReps(await historyOf('opportunity', id)));
    }
    expect(offending.map((event) => `${event.metadata.actor} ${event.type} at revision ${event.revision}`)).toEqual([]);
    // Patches after the reassignment find a record rita may no longer read: 404, as for a missing one.
    expect([...statuses].sort()).toEqual([200, 404]);
  });

  it(`given two reps claiming one pool lead at once, then exactly one owns it and the other stored nothing (${ROUNDS} rounds)`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const opened = await harness.request<{ record: { id: string } }>('ada', 'POST', '/records/lead', { owner: null, fields: { name: `Pool ${round}` } });
      expect(opened.status).toBe(201);
      const id = opened.body.record.id;
      const claimers: DemoUser[] = ['rita', 'raj'];
      const answers = await Promise.all(claimers.map((rep) => harness.request(rep, 'POST', `/records/lead/${id}/owner`, { owner: rep })));

      const history = await historyOf('lead', id);
      const claims = history.filter((event) => event.type === 'OwnerChanged');
      expect(claims).toHaveLength(1);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 404]);
      expect(writtenByNonOwnerReps(history)).toEqual([]);
      outcomes.push(claims[0]?.metadata.actor ?? 'nobody');
    }
    expect(outcomes).toHaveLength(ROUNDS);
  });

  it(`given raj firing close_lost on rita's deal while she works it, then it is refused every time and nothing of raj is stored (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const id = await harness.openOpportunity('rita', { name: `Not yours ${round}` });
      const [ritas, rajs] = await Promise.all([
        harness.request('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'mine' } }),
        harness.request('raj', 'POST', `/records/opportunity/${id}/transitions`, { event: 'close_lost', fields: { lossReason: 'price' } }),
      ]);
      expect(ritas.status).toBe(200);
      expect(rajs.status).toBe(404);
      const history = await historyOf('opportunity', id);
      expect(history.filter((event) => event.metadata.actor === 'raj')).toEqual([]);
    }
  });
});
