import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@crm/clock';
import { present, scaledTimeout } from '@crm/event-store/contract';
import { serializePosition, SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { capturedIo } from '../__fixtures__/captured-io';
import { runBin } from '../__fixtures__/run-bin';
import { runCli } from '../main';

/** The blueprints the product ships with. */
const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');

/** Fields that meet the exit criteria of `analyze_needs` in the shipped opportunity blueprint. */
const NEEDS_ANALYSIS_FIELDS = ['--field', 'budget=50000', '--field', 'decisionMaker=Pat Buyer', '--field', 'timeline=2026-09-30'];

describe('crm record open, show and advance', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;
  let dataDir: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir, '--blueprints', SHIPPED], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  const withStore = async <T>(use: (store: SqliteEventStore) => Promise<T>): Promise<T> => {
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };

  const head = (): Promise<string> => withStore(async (store) => serializePosition(present(await store.headPosition(), 'the head position')));
  const streamOf = (kind: string, id: string): Promise<StoredEvent[]> => withStore((store) => store.readStream(`${kind}-${id}`));

  /** A deal of rita's in qualification, with a name and an amount. */
  const openDeal = async (id: string) => {
    const opened = await crm('record', 'open', 'opportunity', '--id', id, '--field', 'name=Acme renewal', '--field', 'amount=1200.50', '--as', 'rita');
    expect(opened.exitCode).toBe(0);
    return opened;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-record-'));
    dataDir = join(root, 'data');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given an empty data directory, when a rep opens a record, then it is stored through the command handler with typed fields, owned by the rep', async () => {
    const opened = await openDeal('deal-1');

    expect(opened.out).toMatch(/^stored r0 RecordOpened in qualification, owner rita$/m);
    expect(opened.out).toMatch(/^opportunity deal-1$/m);
    const [recordOpened] = await streamOf('opportunity', 'deal-1');
    expect(recordOpened.type).toBe('RecordOpened');
    expect(recordOpened.data).toMatchObject({ owner: 'rita', stage: 'qualification', fields: { name: 'Acme renewal', amount: 1200.5 } });
    expect(recordOpened.metadata).toMatchObject({ actor: 'rita', roles: ['rep'], blueprint: { id: 'opportunity', version: 4 } });
    expect(recordOpened.metadata['origin']).toEqual({ via: 'cli', osUser: userInfo().username });
  });

  it('given an open record, when shown, then state, fields, owner, revision, blueprint version and every next event with its unmet criteria are printed', async () => {
    await openDeal('deal-1');

    const shown = await crm('record', 'show', 'opportunity', 'deal-1', '--as', 'max');
    const json = await crm('record', 'show', 'opportunity', 'deal-1', '--as', 'rita', '--json');

    expect(shown.exitCode).toBe(0);
    expect(shown.out).toContain('stage:      qualification (Qualification) since 2026-06-01T12:00:00.000Z\n');
    expect(shown.out).toContain('owner:      rita\n');
    expect(shown.out).toContain('revision:   0\n');
    expect(shown.out).toMatch(/^blueprint: {2}opportunity v4 \(sha256:[0-9a-f]{12}\)$/m);
    expect(shown.out).toMatch(/^ {2}amount\s+1200\.5$/m);
    expect(shown.out).toContain('next for max:\n');
    expect(shown.out).toContain('  blocked  analyze_needs → needs_analysis  (Start needs analysis)\n');
    expect(shown.out).toContain('unmet required_field budget: Budget is required\n');
    expect(shown.out).toContain('unmet supplied_field lossReason: Loss reason must be supplied with this transition\n');
    expect(json.exitCode).toBe(0);
    const view = JSON.parse(json.out);
    expect(view).toMatchObject({ kind: 'opportunity', id: 'deal-1', stage: 'qualification', owner: 'rita', revision: 0, blueprint: { id: 'opportunity', version: 4 } });
    expect(view.next.map((step: { event: string; allowed: boolean }) => [step.event, step.allowed])).toEqual([
      ['analyze_needs', false],
      ['close_lost', false],
    ]);
    expect(view.next[0].unmet.map((unmet: { field: string }) => unmet.field)).toEqual(['budget', 'decisionMaker', 'timeline']);
  });

  it('given a record, when advanced with the fields its exit criteria need, then fields and transition are stored in one step at the expected revision', async () => {
    await openDeal('deal-1');

    const advanced = await crm('record', 'advance', 'opportunity', 'deal-1', 'analyze_needs', ...NEEDS_ANALYSIS_FIELDS, '--expected-revision', '0', '--as', 'rita');

    expect(advanced.exitCode).toBe(0);
    expect(advanced.out).toMatch(/^stored r1 FieldsChanged budget, decisionMaker, timeline$/m);
    expect(advanced.out).toMatch(/^stored r2 Transitioned qualification → needs_analysis \(analyze_needs\)$/m);
    expect(advanced.out).toContain('stage:      needs_analysis (Needs analysis)');
    const history = await streamOf('opportunity', 'deal-1');
    expect(history.map((event) => event.type)).toEqual(['RecordOpened', 'FieldsChanged', 'Transitioned']);
    expect(history.map((event) => event.metadata['origin'])).toEqual(Array(3).fill({ via: 'cli', osUser: userInfo().username }));
  });

  it('given a record missing what its exit criteria need, when advanced, then every unmet criterion is printed, it exits 4 and nothing is stored', async () => {
    await openDeal('deal-1');
    const before = await head();

    const refused = await crm('record', 'advance', 'opportunity', 'deal-1', 'analyze_needs', '--field', 'budget=50000', '--as', 'rita');

    expect(refused.exitCode).toBe(4);
    expect(refused.err).toContain('TRANSITION_REFUSED: Start needs analysis is not possible for opportunity "deal-1"');
    expect(refused.err).toContain('  unmet required_field decisionMaker: Decision maker is required\n');
    expect(refused.err).toContain('  unmet required_field timeline: Timeline is required\n');
    expect(refused.err).not.toContain('unmet required_field budget');
    expect(await head()).toBe(before);
  });

  it('given an analyst, when advancing or opening a record, then the access policy refuses naming its rule, with exit 5 and nothing stored', async () => {
    await openDeal('deal-1');
    const before = await head();

    const advance = await crm('record', 'advance', 'opportunity', 'deal-1', 'analyze_needs', ...NEEDS_ANALYSIS_FIELDS, '--as', 'ana');
    const open = await crm('record', 'open', 'opportunity', '--as', 'ana');
    const read = await crm('record', 'show', 'opportunity', 'deal-1', '--as', 'ana');
    const otherRep = await crm('record', 'show', 'opportunity', 'deal-1', '--as', 'raj');

    expect(advance.exitCode).toBe(5);
    expect(advance.err).toBe(
      'crm record advance: FORBIDDEN: ana may not advance this opportunity: analysts read everything but change no records\n  rule: analyst.read-only\n',
    );
    expect(open.exitCode).toBe(5);
    expect(open.err).toContain('rule: analyst.read-only');
    expect(read.exitCode).toBe(0);
    // What raj may not read looks missing to him (exit 1), as over HTTP (404).
    expect(otherRep.exitCode).toBe(1);
    expect(otherRep.err).toContain('RECORD_NOT_FOUND');
    expect(otherRep.err).not.toContain('rita');
    expect(await head()).toBe(before);
  });

  it('given values that do not fit their field types, when opening or advancing, then each bad field is named, it exits 3 and nothing is stored', async () => {
    await openDeal('deal-1');
    const before = await head();

    const open = await crm('record', 'open', 'opportunity', '--id', 'deal-2', '--field', 'amount=lots', '--field', 'closeDate=2026-02-30', '--field', 'name=ok', '--as', 'rita');
    const advance = await crm('record', 'advance', 'opportunity', 'deal-1', 'analyze_needs', ...NEEDS_ANALYSIS_FIELDS, '--field', 'budjet=1', '--as', 'rita');

    expect(open.exitCode).toBe(3);
    expect(open.err).toBe(
      'crm record open: invalid --field values for opportunity; nothing was stored\n' +
        '  invalid amount: expected money (a finite number with at most 2 decimals), got "lots"\n' +
        '  invalid closeDate: expected date (a calendar date as YYYY-MM-DD), got "2026-02-30"\n',
    );
    expect(advance.exitCode).toBe(3);
    expect(advance.err).toContain('  invalid budjet: unknown field (did you mean "budget"?)\n');
    expect(await head()).toBe(before);
    expect(await streamOf('opportunity', 'deal-2')).toEqual([]);
  });

  it('given a record, when its open is retried with the same id, then it is a conflict (exit 6), not a second record; a stale --expected-revision is one too', async () => {
    await openDeal('deal-1');
    const before = await head();

    const retried = await crm('record', 'open', 'opportunity', '--id', 'deal-1', '--field', 'name=Acme renewal', '--as', 'rita');
    const stale = await crm('record', 'advance', 'opportunity', 'deal-1', 'analyze_needs', ...NEEDS_ANALYSIS_FIELDS, '--expected-revision', '3', '--as', 'rita');

    expect(retried.exitCode).toBe(6);
    expect(retried.err).toBe('crm record open: RECORD_ALREADY_EXISTS: opportunity "deal-1" already exists\n');
    expect(stale.exitCode).toBe(6);
    expect(stale.err).toContain('CONCURRENCY_CONFLICT: opportunity "deal-1" is at revision 0, not 3');
    expect(await head()).toBe(before);
    expect(await streamOf('opportunity', 'deal-1')).toHaveLength(1);
  });

  it.each([
    [['record', 'show', 'opportunity', 'deal-1', '--as', 'rita'], 1, 'no event store in'],
    [['record', 'open', 'opportunity', '--as', 'bob'], 5, 'no user "bob" in'],
    [['record', 'open', 'opportunity'], 2, 'say who acts: --as <user> (or set CRM_USER)'],
    [['record', 'open', 'invoice', '--as', 'rita'], 1, 'UNKNOWN_KIND: no blueprint governs record kind "invoice"'],
    [['record', 'open', 'opportunity', '--field', 'amount', '--as', 'rita'], 2, '--field expects name=value, not "amount"'],
    [['record', 'open', 'opportunity', '--id', 'has space', '--as', 'rita'], 3, 'INVALID_COMMAND: invalid OpenRecord command: recordId'],
    [['record', 'advance', 'opportunity', 'deal-1', 'go', '--expected-revision', 'two', '--as', 'rita'], 2, '--expected-revision must be a whole number ≥ 0, not "two"'],
  ])('given the command line %j, then it exits %i and says why', async (args, exitCode, message) => {
    const result = await crm(...args);

    expect(result.exitCode).toBe(exitCode);
    expect(result.err).toContain(message);
  });

  it('given CRM_EVENT_STORE naming no store, when a record is opened, then it exits 1 naming the variable and creates nothing', async () => {
    const io = capturedIo(root, clock, { CRM_EVENT_STORE: 'mongo', CRM_DATA_DIR: dataDir, CRM_BLUEPRINTS_DIR: SHIPPED });

    const exitCode = await runCli(['record', 'open', 'opportunity', '--as', 'rita'], io);

    expect(exitCode).toBe(1);
    expect(io.err()).toBe('crm record open: CRM_EVENT_STORE is "mongo", which is not an event store; use one of: sqlite, eventstoredb\n');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('given a missing record or an unknown event, then it exits 1 or 3 and names what exists', async () => {
    await openDeal('deal-1');

    const missing = await crm('record', 'advance', 'opportunity', 'deal-9', 'analyze_needs', '--as', 'rita');
    const unknown = await crm('record', 'advance', 'opportunity', 'deal-1', 'fly', '--as', 'rita');

    expect(missing.exitCode).toBe(1);
    expect(missing.err).toContain('RECORD_NOT_FOUND: opportunity "deal-9" does not exist');
    expect(unknown.exitCode).toBe(3);
    expect(unknown.err).toContain('UNKNOWN_EVENT: opportunity blueprint has no transition "fly"; known: analyze_needs, propose');
  });

  it(
    'given the real launcher with CRM_DATA_DIR, CRM_BLUEPRINTS_DIR and CRM_USER, when a record is opened, refused, advanced and shown, then the exit codes are 0, 4, 0, 0',
    async () => {
      const env = { CRM_DATA_DIR: dataDir, CRM_BLUEPRINTS_DIR: SHIPPED, CRM_USER: 'rita' };

      const open = await runBin(['record', 'open', 'opportunity', '--id', 'deal-1', '--field', 'amount=900'], { cwd: root, env });
      const refused = await runBin(['record', 'advance', 'opportunity', 'deal-1', 'analyze_needs'], { cwd: root, env });
      const advanced = await runBin(['record', 'advance', 'opportunity', 'deal-1', 'analyze_needs', ...NEEDS_ANALYSIS_FIELDS, '--json'], { cwd: root, env });
      const shown = await runBin(['record', 'show', 'opportunity', 'deal-1', '--json', '--as', 'max'], { cwd: root, env });

      expect([open.exitCode, refused.exitCode, advanced.exitCode, shown.exitCode]).toEqual([0, 4, 0, 0]);
      expect(refused.err).toContain('  unmet required_field budget: Budget is required\n');
      expect(JSON.parse(advanced.out).events.map((event: { type: string }) => event.type)).toEqual(['FieldsChanged', 'Transitioned']);
      expect(JSON.parse(shown.out)).toMatchObject({ id: 'deal-1', stage: 'needs_analysis', owner: 'rita', revision: 2, fields: { amount: 900, budget: 50000 } });
    },
    scaledTimeout(60_000),
  );
});
