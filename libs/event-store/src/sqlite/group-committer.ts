import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { ValidatedAppend } from '../append-input.validation';
import { EventStoreException, EventStoreExceptionCode } from '../event-store.exception';
import { commitGroup, type MemberOutcome } from './append-group';
import type { SqliteStatements } from './sqlite-statements';
import { receiveException, receiveOutcome, type WriterData, type WriterReply, type WriterRequest } from './writer-protocol';

/** Commits one group of appends in one transaction (see `commitGroup`); groups commit in the order given. */
export interface GroupCommitter {
  /** Whether the event loop goes on while a group commits (so a second group may be handed over meanwhile). */
  readonly concurrent: boolean;
  /** Resolves once COMMIT returned (the WAL fsynced); rejects with `UNAVAILABLE` when the whole group failed. */
  commit(appends: readonly ValidatedAppend[], recordedAt: string): Promise<MemberOutcome[]>;
  /** Closes the writer's own connection, if it has one; commits already handed over complete first. */
  close(): Promise<void>;
}

/** On the caller's connection and thread: the event loop waits for each COMMIT and its fsync. */
export class EventLoopCommitter implements GroupCommitter {
  readonly concurrent = false;

  constructor(
    private readonly db: Database,
    private readonly statements: SqliteStatements,
  ) {}

  async commit(appends: readonly ValidatedAppend[], recordedAt: string): Promise<MemberOutcome[]> {
    return commitGroup(this.db, this.statements, appends, recordedAt);
  }

  async close(): Promise<void> {}
}

type Reply = WriterReply;

interface Waiting {
  readonly settle: (reply: Reply) => void;
  readonly lose: (reason: string) => void;
}

const writerStopped = (reason: string): EventStoreException =>
  new EventStoreException(
    EventStoreExceptionCode.UNAVAILABLE,
    `the SQLite writer thread stopped (${reason}) while this append was being committed: it may or may not be stored; ` +
      'retrying it with the same event ids is safe (a stored one is answered as a retry)',
    { cause: reason },
  );

const workerFile = 'sqlite-writer.worker';
/** A thread with no store left ends after this long, unless a store opens meanwhile (tests open many in a row). */
const idleEndMs = 2_000;

interface Transpiler {
  transformSync(source: string, options: object): { code: string };
}

/**
 * The thread's files, transpiled here from their TypeScript sources: the entry and every relative
 * module it requires, by file name. Only for running from sources; a build has the `.js` files.
 */
const transpiledWriterModules = (): Record<string, string> => {
  const transpiler = require('@swc/core') as Transpiler;
  const modules: Record<string, string> = {};
  const pending = [join(__dirname, `${workerFile}.ts`)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (modules[file] !== undefined) continue;
    const options = { filename: file, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
    const code = transpiler.transformSync(readFileSync(file, 'utf8'), options).code;
    modules[file] = code;
    for (const [, relative] of code.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) pending.push(`${resolve(dirname(file), relative as string)}.ts`);
  }
  return modules;
};

const bootstrapFromSources = `
const { workerData } = require('node:worker_threads');
require.extensions['.ts'] = (module, filename) => module._compile(workerData.modules[filename], filename);
require(workerData.entry);
`;

let sourceModules: Record<string, string> | null = null;

const startWorker = (): Worker => {
  if (!__filename.endsWith('.ts')) return new Worker(join(__dirname, `${workerFile}.js`));
  sourceModules ??= transpiledWriterModules();
  const data: WriterData = { entry: join(__dirname, `${workerFile}.ts`), modules: sourceModules };
  return new Worker(bootstrapFromSources, { eval: true, workerData: data });
};

/**
 * The one writer thread of the process, shared by its SQLite stores (each with its own connection
 * there), started with the first store and ended when the last one has been closed a while. It keeps
 * the process alive only while a request is under way.
 */
class WriterHost {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private nextConnection = 1;
  private connections = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Counts threads started: a connection opened on an earlier one is gone with it. */
  generation = 0;

  newConnection(): number {
    const connection = this.nextConnection;
    this.nextConnection += 1;
    return connection;
  }

  async open(connection: number, file: string): Promise<void> {
    this.connections += 1;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    try {
      const reply = await this.request((id) => ({ kind: 'open', id, connection, file }));
      if (reply.kind === 'refused') throw new Error(reply.message);
    } catch (error) {
      this.released();
      throw error;
    }
  }

  async commit(connection: number, appends: readonly ValidatedAppend[], recordedAt: string): Promise<MemberOutcome[]> {
    const reply = await this.request((id) => ({ kind: 'commit', id, connection, appends, recordedAt }));
    if (reply.kind === 'committed') return reply.outcomes.map(receiveOutcome);
    if (reply.kind === 'failed') throw receiveException(reply.error);
    throw new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, `the append was not stored: ${reply.kind === 'refused' ? reply.message : reply.kind}`, {});
  }

  async close(connection: number, generation: number): Promise<void> {
    try {
      if (this.worker && generation === this.generation) {
        const reply = await this.request((id) => ({ kind: 'close', id, connection }));
        if (reply.kind === 'refused') throw new Error(`the SQLite writer thread could not close its connection: ${reply.message}`);
      }
    } finally {
      this.released();
    }
  }

  private released(): void {
    this.connections -= 1;
    if (this.connections > 0 || !this.worker) return;
    const worker = this.worker;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.connections === 0 && this.worker === worker) {
        this.worker = null;
        void worker.terminate();
      }
    }, idleEndMs);
    this.idleTimer.unref();
  }

  private request(message: (id: number) => WriterRequest): Promise<Reply> {
    const worker = this.running();
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.set(id, { settle: resolve, lose: (reason) => reject(writerStopped(reason)) });
      worker.ref();
      worker.postMessage(message(id));
    });
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    this.worker = worker;
    this.generation += 1;
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      waiting.settle(reply);
    });
    worker.on('error', (error) => this.lose(worker, error.message));
    worker.on('exit', (code) => this.lose(worker, `exit code ${code}`));
    return worker;
  }

  private lose(worker: Worker, reason: string): void {
    if (this.worker === worker) this.worker = null;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    waiting.forEach((request) => request.lose(reason));
  }

  /** For tests: the thread as it is now. */
  current(): Worker | null {
    return this.worker;
  }
}

const host = new WriterHost();

/** For tests of a lost thread: ends the writer thread as a crash would. */
export const endWriterThreadForTest = async (): Promise<void> => {
  await host.current()?.terminate();
};

/**
 * Group commits on the writer thread, with a connection of its own, so the event loop goes on deciding
 * the next commands while a group's inserts, COMMIT and fsync run on another core. Visibility equals
 * durability as before: in WAL mode a commit becomes readable (to this process's reads, subscriptions
 * and other processes) only after its fsync, and a promise resolves only after that.
 *
 * If the thread dies, the groups it held fail with `UNAVAILABLE` (in doubt: retries with the same event
 * ids are answered once) and the next group starts a new thread and opens the connection again.
 */
export class WriterThread implements GroupCommitter {
  readonly concurrent = true;
  private readonly connection = host.newConnection();
  private generation = 0;
  private closed = false;

  private constructor(private readonly file: string) {}

  /** Opens the store's connection on the thread, so a store that cannot be written fails at open. */
  static async start(file: string): Promise<WriterThread> {
    const writer = new WriterThread(file);
    await writer.connected();
    return writer;
  }

  async commit(appends: readonly ValidatedAppend[], recordedAt: string): Promise<MemberOutcome[]> {
    if (this.generation !== host.generation || !host.current()) await this.connected();
    return host.commit(this.connection, appends, recordedAt);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await host.close(this.connection, this.generation);
  }

  private async connected(): Promise<void> {
    // Counted once per store: a reopen after a lost thread releases the count the lost one held.
    if (this.generation !== 0) await host.close(this.connection, this.generation);
    await host.open(this.connection, this.file);
    this.generation = host.generation;
  }
}
