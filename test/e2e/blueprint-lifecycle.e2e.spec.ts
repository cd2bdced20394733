import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { systemClock } from '@crm/clock';
import { parsePosition, SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { ApiHarness, repositoryRoot, type ApiResponse } from './api-harness';

interface ErrorBody {
  error: string;
  message: string;
  details: { problems?: { file: string; path: string; message: string }[] };
}

const SHIPPED = join(repositoryRoot, 'blueprints');
const shipped = (name: string): string => readFileSync(join(SHIPPED, name), 'utf8');

/** The shipped opportunity blueprint as a new version whose needs analysis also needs an approved budget (a new required field). */
export const opportunityV5 = (): string => {
  const source = shipped('opportunity.blueprint.yaml');
  const next = source
    .replace(/^version: 4$/m, 'version: 5')
    .replace('requires: [budget, decisionMaker, timeline]', 'requires: [budget, decisionMaker, timeline, budgetApproved]')
    .replace(/^fields:\n/m, 'fields:\n  budgetApproved: { type: boolean, label: Budget approved }\n');
  if (next === source || !next.includes('budgetApproved: { type: boolean')) throw new Error('opportunity.blueprint.yaml changed shape; update opportunityV5');
  return next;
};

describe('Blueprint lifecycle over HTTP: publish, drafts, versions, diff, exports', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start();
  });

  afterAll(async () => {
    await harness.stop();
  });

  const expectError = (response: ApiResponse<unknown>, status: number, error: string): ErrorBody => {
    expect({ status: response.status, error: (response.body as ErrorBody).error }).toEqual({ status, error });
    return response.body as ErrorBody;
  };

  it('given a rep, when publishing or saving a draft, then 403 names the rule and nothing is stored', async () => {
    const head = (await harness.request<{ store: { headPosition: string } }>('ana', 'GET', '/health')).body.store.headPosition;

    expect(expectError(await harness.request('rita', 'POST', '/blueprints', { source: opportunityV5() }), 403, 'FORBIDDEN').message).toContain('process_owner or admin');
    expectError(await harness.request('rita', 'PUT', '/blueprints/opportunity/draft', { source: opportunityV5() }), 403, 'FORBIDDEN');
    expect((await harness.request<{ store: { headPosition: string } }>('ana', 'GET', '/health')).body.store.headPosition).toBe(head);
  });

  it('given a source with several problems and a changed v4, when published, then 400 lists every problem with its path and nothing is stored', async () => {
    const broken = opportunityV5().replace('to: proposal', 'to: propsal').replace('initialStage: qualification', 'initialStage: qualifcation');
    const changedV4 = shipped('opportunity.blueprint.yaml').replace('probability: 50', 'probability: 55');

    const many = expectError(await harness.request('olga', 'POST', '/blueprints', { source: broken }), 400, 'INVALID_BLUEPRINT');
    const conflict = expectError(await harness.request('olga', 'POST', '/blueprints', { source: changedV4 }), 400, 'INVALID_BLUEPRINT');

    expect(many.details.problems?.map((problem) => problem.path)).toEqual(expect.arrayContaining(['initialStage', 'transitions[1].to']));
    expect(conflict.details.problems).toEqual([
      { file: 'request body', path: 'version', message: 'blueprint opportunity v4 is already published with other content; give the change a new version number' },
    ]);
    expect((await harness.request<{ latestVersion: number }>('olga', 'GET', '/blueprints/opportunity/versions')).body.latestVersion).toBe(4);
  });

  it('given a draft, when saved and read back, then it is stored with its problems and not used; then published, new records open under it at once', async () => {
    const draft = await harness.request<{ revision: number; problems: unknown[]; savedBy: string }>('olga', 'PUT', '/blueprints/opportunity/draft', { source: opportunityV5() });
    const again = await harness.request<{ revision: number }>('olga', 'PUT', '/blueprints/opportunity/draft', { source: opportunityV5() });
    const read = await harness.request<{ source: string }>('ada', 'GET', '/blueprints/opportunity/draft');
    const beforePublish = await harness.openOpportunity('rita');

    expect(draft).toMatchObject({ status: 200, body: { revision: 0, problems: [], savedBy: 'olga' } });
    expect(again.body.revision).toBe(0);
    expect(read.body.source).toBe(opportunityV5());
    expect((await harness.request<{ blueprint: { version: number } }>('rita', 'GET', `/records/opportunity/${beforePublish}`)).body.blueprint.version).toBe(4);

    const published = await harness.request<{ ref: { version: number }; versions: { version: number }[] }>('olga', 'POST', '/blueprints', { source: opportunityV5() });
    const afterPublish = await harness.openOpportunity('rita');

    expect(published.status).toBe(201);
    expect(published.body.ref.version).toBe(5);
    expect(published.body.versions.map((ref) => ref.version)).toEqual([4, 5]);
    expect((await harness.request<{ blueprint: { version: number } }>('rita', 'GET', `/records/opportunity/${afterPublish}`)).body.blueprint.version).toBe(5);
    expect((await harness.request('olga', 'POST', '/blueprints', { source: opportunityV5() })).status).toBe(201);

    await harness.untilProjectionsCaughtUp();
    const versions = await harness.request<{ versions: { ref: { version: number }; records: number; live: number; byStage: Record<string, number> }[] }>('olga', 'GET', '/blueprints/opportunity/versions');
    const onV4 = await harness.request<{ items: { recordId: string }[] }>('olga', 'GET', '/records/opportunity?blueprintVersion=4');
    const onV5 = await harness.request<{ items: { recordId: string }[] }>('olga', 'GET', '/records/opportunity?blueprintVersion=5');

    expect(versions.body.versions.map(({ ref, records, live }) => [ref.version, records, live])).toEqual([
      [4, 1, 1],
      [5, 1, 1],
    ]);
    expect(versions.body.versions[1].byStage['qualification']).toBe(1);
    expect(onV4.body.items.map((item) => item.recordId)).toEqual([beforePublish]);
    expect(onV5.body.items.map((item) => item.recordId)).toEqual([afterPublish]);
  });

  it('given two published versions, when diffed, then the new field and the new criterion are listed, as JSON and as text', async () => {
    const diff = await harness.request<{ fields: { added: string[] }; criteria: { event: string; added: string[] }[]; text: string }>('olga', 'GET', '/blueprints/opportunity/diff?from=4&to=5');

    expect(diff.status).toBe(200);
    expect(diff.body.fields.added).toEqual(['budgetApproved']);
    expect(diff.body.criteria).toEqual([{ event: 'analyze_needs', added: ['requires budgetApproved'], removed: [] }]);
    expect(diff.body.text).toContain('  ~ analyze_needs: + requires budgetApproved');
    expectError(await harness.request('olga', 'GET', '/blueprints/opportunity/diff?from=4&to=9'), 404, 'BLUEPRINT_NOT_FOUND');
  });

  it('given a blueprint, when exported, then XState JSON and Mermaid with criteria come back; an unknown format is a 400', async () => {
    const xstate = await harness.request<{ content: { initial: string; states: Record<string, unknown> } }>('rita', 'GET', '/blueprints/opportunity/export?format=xstate');
    const mermaid = await harness.request<{ content: string }>('rita', 'GET', '/blueprints/opportunity/export?format=mermaid&version=4');

    expect(xstate.body.content.initial).toBe('qualification');
    expect(Object.keys(xstate.body.content.states)).toContain('proposal');
    expect(mermaid.body.content).toContain('  qualification --> needs_analysis: analyze_needs [requires budget, requires decisionMaker, requires timeline]');
    expect(mermaid.body.content).toMatch(/contract_approval --> closed_won: close_won \[.*role rep, role manager, approval by Sales manager/);
    expect((await harness.request('rita', 'GET', '/blueprints/opportunity/export?format=svg')).status).toBe(400);
  });
});

describe('Blueprint files at start-up', () => {
  it('given a broken file beside good ones, when the API starts, then the others load and /health names the broken file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crm-blueprints-'));
    cpSync(SHIPPED, folder, { recursive: true });
    writeFileSync(join(folder, 'broken.blueprint.yaml'), 'id: broken\nversion: 1\nkind: broken\nstages: [\n');
    const harness = await ApiHarness.start({ blueprintsDirectory: folder });
    try {
      const health = await harness.request<{ blueprints: string[]; blueprintProblems: { file: string; message: string }[] }>('ana', 'GET', '/health');

      expect(health.body.blueprints).toEqual(['account', 'contact', 'lead', 'opportunity', 'order', 'quote', 'subscription']);
      expect(health.body.blueprintProblems.map((problem) => problem.file)).toEqual(health.body.blueprintProblems.map(() => join(folder, 'broken.blueprint.yaml')));
      expect(health.body.blueprintProblems.length).toBeGreaterThan(0);
    } finally {
      await harness.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('Migrating 1,000 live records to a version with a new required field, over HTTP', () => {
  let harness: ApiHarness;
  const rita = { id: 'rita', roles: ['rep'] };
  const QUALIFYING = 600;
  const ANALYSING = 400;

  interface Plan {
    summary: { records: number; ready: number; breaking: number; removedStage: number };
    unmetByRule: Record<string, number>;
    records: { recordId: string; stage: string; toStage: string | null; unmet: { field?: string }[] }[];
  }
  interface Result {
    migrated: number;
    refused: number;
    unchanged: number;
    records: { recordId: string; status: string; error?: { code: string } }[];
  }
  interface Pipeline {
    byStage: { stage: string; count: number }[];
  }

  /** Opens the deals through the engine's command handler (as rita), many at once so the store groups them. */
  const givenLiveDeals = async (): Promise<void> => {
    const commands = harness.api.engine.commands;
    const ids = Array.from({ length: QUALIFYING + ANALYSING }, (_, index) => `deal-${String(index).padStart(4, '0')}`);
    for (let start = 0; start < ids.length; start += 100) {
      await Promise.all(
        ids.slice(start, start + 100).map(async (id, offset) => {
          const analysing = start + offset >= QUALIFYING;
          const fields: Record<string, string | number> = analysing ? { name: id, budget: 1000, decisionMaker: 'Bo', timeline: '2026-12-01' } : { name: id };
          await commands.execute({ type: 'OpenRecord', kind: 'opportunity', recordId: id, commandId: `open-${id}`, actor: rita, fields });
          if (analysing) await commands.execute({ type: 'FireTransition', kind: 'opportunity', recordId: id, commandId: `analyze-${id}`, actor: rita, event: 'analyze_needs' });
        }),
      );
    }
  };

  beforeAll(async () => {
    harness = await ApiHarness.start();
    await givenLiveDeals();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('given 1,000 live deals on v4, when a process owner publishes v5, plans, applies, maps the refused stage and applies again, then every deal is on v5 and the pipeline by stage follows', async () => {
    const published = await harness.request<{ ref: { version: number } }>('olga', 'POST', '/blueprints', { source: opportunityV5() });
    expect(published.status).toBe(201);
    await harness.untilProjectionsCaughtUp();
    const before = await harness.request<Pipeline>('ana', 'GET', '/pipeline');
    expect(Object.fromEntries(before.body.byStage.map((total) => [total.stage, total.count]))).toEqual({ qualification: QUALIFYING, needs_analysis: ANALYSING });

    // A rep may neither plan nor migrate.
    expect((await harness.request('rita', 'POST', '/blueprints/opportunity/migrations/plan', { from: 4, to: 5 })).status).toBe(403);
    const plan = await harness.request<Plan>('olga', 'POST', '/blueprints/opportunity/migrations/plan', { from: 4, to: 5 });

    // The independent count: every deal in needs analysis lacks the new required field, none in qualification does.
    expect(plan.status).toBe(200);
    expect(plan.body.summary).toEqual({ records: QUALIFYING + ANALYSING, ready: QUALIFYING, breaking: ANALYSING, removedStage: 0 });
    expect(plan.body.unmetByRule).toEqual({ 'required_field budgetApproved': ANALYSING });
    expect(plan.body.records.filter((record) => record.unmet.length > 0).every((record) => record.stage === 'needs_analysis' && record.unmet[0]?.field === 'budgetApproved')).toBe(true);

    const first = await harness.request<Result>('olga', 'POST', '/blueprints/opportunity/migrations', { from: 4, to: 5, reason: 'v5: approved budgets' });

    expect({ migrated: first.body.migrated, refused: first.body.refused }).toEqual({ migrated: QUALIFYING, refused: ANALYSING });
    expect(new Set(first.body.records.filter((record) => record.status === 'refused').map((record) => record.error?.code))).toEqual(new Set(['MIGRATION_REFUSED']));

    const mapped = await harness.request<Plan>('olga', 'POST', '/blueprints/opportunity/migrations/plan', { from: 4, to: 5, stageMap: { needs_analysis: 'qualification' } });
    expect(mapped.body.summary).toEqual({ records: ANALYSING, ready: ANALYSING, breaking: 0, removedStage: 0 });
    const second = await harness.request<Result>('olga', 'POST', '/blueprints/opportunity/migrations', {
      from: 4,
      to: 5,
      stageMap: { needs_analysis: 'qualification' },
      reason: 'back to qualification until the budget is approved',
    });
    expect(second.body.migrated).toBe(ANALYSING);

    await harness.untilProjectionsCaughtUp();
    const after = await harness.request<Pipeline>('ana', 'GET', '/pipeline');
    const versions = await harness.request<{ versions: { ref: { version: number }; live: number }[] }>('olga', 'GET', '/blueprints/opportunity/versions');
    const onV4 = await harness.request<{ items: unknown[] }>('ada', 'GET', '/records/opportunity?blueprintVersion=4');
    const history = await harness.request<{ events: { type: string; data: Record<string, unknown> }[] }>('olga', 'GET', '/records/opportunity/deal-0999/history');

    expect(Object.fromEntries(after.body.byStage.map((total) => [total.stage, total.count]))).toEqual({ qualification: QUALIFYING + ANALYSING });
    expect(versions.body.versions.map(({ ref, live }) => [ref.version, live])).toEqual([
      [4, 0],
      [5, QUALIFYING + ANALYSING],
    ]);
    expect(onV4.body.items).toEqual([]);
    expect(history.body.events.find((event) => event.type === 'RecordMigrated')?.data).toMatchObject({
      from: { version: 4 },
      to: { version: 5 },
      stageMap: { needs_analysis: 'qualification' },
      fromStage: 'needs_analysis',
      toStage: 'qualification',
      actor: 'olga',
      reason: 'back to qualification until the budget is approved',
    });
  });
});

describe('What-if of v5 over the demo history, over HTTP', () => {
  let harness: ApiHarness;
  let recorded: StoredEvent[];

  interface WhatIf {
    blueprint: { id: string; version: number };
    records: number;
    transitions: number;
    refused: { recordId: string; event: string; unmet: { field?: string }[] }[];
    refusedByRule: { event: string; criterion: string; field?: string; count: number }[];
    elsewhere: { recordId: string; stage: string; draftStage: string }[];
    funnel: { stage: string; recorded: number; draft: number }[];
  }

  /** The demo's deals, walked by their owners through the shipped v4 by `crm seed demo` (run as a user runs it), read back as stored (no upcasting, no fold). */
  const givenTheDemoHistory = async (dataDirectory: string): Promise<StoredEvent[]> => {
    await promisify(execFile)(process.execPath, [join(repositoryRoot, 'apps', 'cli', 'bin', 'crm.js'), 'seed', 'demo', '--deals', '40', '--data-dir', dataDirectory, '--blueprints', SHIPPED], {
      cwd: repositoryRoot,
    });
    const store = await SqliteEventStore.open({ directory: dataDirectory, clock: systemClock, readOnly: true });
    try {
      const events: StoredEvent[] = [];
      for (let page = await store.readAll({ maxCount: 5_000 }); page.length > 0; page = await store.readAll({ from: page[page.length - 1]?.position, maxCount: 5_000 })) events.push(...page);
      return events;
    } finally {
      await store.close();
    }
  };

  const headOf = async (): Promise<string> => (await harness.request<{ store: { headPosition: string } }>('ana', 'GET', '/health')).body.store.headPosition;

  /**
   * Events appended since `head` by the process owner or on a blueprint stream: what a what-if would have
   * stored. The server's own reactors and timers may still be catching up on the demo history meanwhile,
   * so the head alone cannot say "nothing stored".
   */
  const storedByTheAsker = async (head: string, asker: string): Promise<StoredEvent[]> => {
    const since = await harness.api.engine.store.readAll({ from: parsePosition(head), maxCount: 100_000 });
    return since.filter((event) => event.metadata['actor'] === asker || event.stream.startsWith('blueprint'));
  };

  beforeAll(async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'crm-api-what-if-'));
    recorded = await givenTheDemoHistory(dataDirectory);
    harness = await ApiHarness.start({ dataDirectory });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('given v5 with a new required field, when a process owner asks what it would have done, then every recorded needs analysis is refused by that rule, as counted from the raw events, and nothing is stored', async () => {
    // The independent count: no demo deal ever had budgetApproved, so each analyze_needs recorded is one refusal.
    const analyses = recorded.filter((event) => event.stream.startsWith('opportunity-') && event.type === 'Transitioned' && event.data['event'] === 'analyze_needs');
    const analysedDeals = new Set(analyses.map((event) => event.stream));
    const deals = new Set(recorded.filter((event) => event.stream.startsWith('opportunity-') && event.type === 'RecordOpened').map((event) => event.stream));
    expect(analyses.length).toBeGreaterThan(0);
    const head = await headOf();

    const whatIf = await harness.request<WhatIf>('olga', 'POST', '/blueprints/opportunity/what-if', { source: opportunityV5() });

    expect(whatIf.status).toBe(200);
    expect(whatIf.body.blueprint).toEqual({ id: 'opportunity', version: 5 });
    expect(whatIf.body.records).toBe(deals.size);
    expect(whatIf.body.refusedByRule).toEqual([expect.objectContaining({ event: 'analyze_needs', criterion: 'required_field', field: 'budgetApproved', count: analyses.length })]);
    expect(whatIf.body.refused).toHaveLength(analyses.length);
    expect(new Set(whatIf.body.refused.map((move) => `opportunity-${move.recordId}`))).toEqual(analysedDeals);
    // Under the draft no deal gets past qualification into needs analysis; as recorded, each analysed deal did once.
    expect(whatIf.body.funnel.find((step) => step.stage === 'needs_analysis')).toEqual(expect.objectContaining({ recorded: analysedDeals.size, draft: 0 }));
    expect(whatIf.body.funnel.find((step) => step.stage === 'qualification')).toEqual(expect.objectContaining({ recorded: deals.size, draft: deals.size }));
    expect(await storedByTheAsker(head, 'olga')).toEqual([]);
  });

  it('given a window, when asked for records opened in it only, then only those are replayed', async () => {
    const openings = recorded.filter((event) => event.stream.startsWith('opportunity-') && event.type === 'RecordOpened');
    const day = [...openings.map((event) => event.occurredAt.slice(0, 10))].sort()[Math.floor(openings.length / 2)] as string;
    const onOrAfter = openings.filter((event) => event.occurredAt.slice(0, 10) >= day).length;

    const whatIf = await harness.request<WhatIf>('olga', 'POST', '/blueprints/opportunity/what-if', { source: opportunityV5(), from: day });

    expect(whatIf.status).toBe(200);
    expect(whatIf.body.records).toBe(onOrAfter);
  });

  it('given a rep, an unknown blueprint, a draft of another blueprint, a broken draft or a bad date, then 403, 404 or 400 naming every problem with its path, and nothing is stored', async () => {
    const head = await headOf();
    const broken = opportunityV5().replace('to: proposal', 'to: propsal').replace('initialStage: qualification', 'initialStage: qualifcation');

    const rep = expectErrorOf(await harness.request('rita', 'POST', '/blueprints/opportunity/what-if', { source: opportunityV5() }), 403, 'FORBIDDEN');
    const unknown = expectErrorOf(await harness.request('olga', 'POST', '/blueprints/invoice/what-if', { source: opportunityV5() }), 404, 'BLUEPRINT_NOT_FOUND');
    const other = expectErrorOf(await harness.request('olga', 'POST', '/blueprints/quote/what-if', { source: opportunityV5() }), 400, 'INVALID_BLUEPRINT');
    const invalid = expectErrorOf(await harness.request('olga', 'POST', '/blueprints/opportunity/what-if', { source: broken }), 400, 'INVALID_BLUEPRINT');
    const date = expectErrorOf(await harness.request('olga', 'POST', '/blueprints/opportunity/what-if', { source: opportunityV5(), from: 'last week' }), 400, 'VALIDATION_FAILED');

    expect(rep.message).toContain('process_owner or admin');
    expect(unknown.message).toContain('no blueprint "invoice"');
    expect(other.details.problems).toEqual([{ file: 'request body', path: 'id', message: 'the draft declares id "opportunity"; ask /blueprints/opportunity/what-if' }]);
    expect(invalid.details.problems?.map((problem) => [problem.file, problem.path])).toEqual(
      expect.arrayContaining([
        ['request body', 'initialStage'],
        ['request body', 'transitions[1].to'],
      ]),
    );
    expect(JSON.stringify(date)).toContain('from must be a date (YYYY-MM-DD) or an ISO-8601 date-time with offset');
    expect(await storedByTheAsker(head, 'olga')).toEqual([]);
  });
});

function expectErrorOf(response: ApiResponse<unknown>, status: number, error: string): ErrorBody {
  expect({ status: response.status, error: (response.body as ErrorBody).error }).toEqual({ status, error });
  return response.body as ErrorBody;
}
