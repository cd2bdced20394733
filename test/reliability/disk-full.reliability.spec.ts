import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@crm/clock';
import { EventStoreException, EventStoreExceptionCode, SqliteEventStore, type NewEvent } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { crmProjections } from '@crm/projections';
import { localApiSettings, startApi, type RunningApi } from '../../apps/api/src/start-api';
import { repositoryRoot } from '../e2e/api-harness';

/**
 * The store on storage that refuses writes, simulated honestly: root ignores file permissions, so a full
 * disk is a real tmpfs of a few hundred KiB (grown again with `mount -o remount,size=`), unwritable files
 * carry the immutable attribute (`chattr +i`, which binds root too), and a read-only data directory is a
 * read-only bind mount. Where the sandbox allows none of that, the tests say so on one line and skip.
 */

const run = (command: string, args: readonly string[]): void => {
  execFileSync(command, args, { stdio: 'pipe' });
};

/** Why `probe` cannot run here, or null when it can. */
const unavailableReason = (probe: (directory: string) => void): string | null => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-probe-'));
  try {
    probe(directory);
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'unknown';
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

const tmpfsUnavailable = unavailableReason((directory) => {
  run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', directory]);
  run('umount', [directory]);
});
const chattrUnavailable = unavailableReason((directory) => {
  const file = join(directory, 'probe');
  writeFileSync(file, 'x');
  run('chattr', ['+i', file]);
  run('chattr', ['-i', file]);
});
const bindMountUnavailable = unavailableReason((directory) => {
  const target = join(directory, 'target');
  mkdirSync(target);
  run('mount', ['--bind', directory, target]);
  run('umount', [target]);
});

const skipLine = (what: string, reason: string | null): void => {
  if (reason) process.stdout.write(`[disk-full] skipped ${what}: ${reason} (needs root with CAP_SYS_ADMIN / an ext4-like tmpdir)\n`);
};
skipLine('the full-disk tests (cannot mount a tmpfs here)', tmpfsUnavailable);
skipLine('the unwritable-files test (chattr +i does not work here)', chattrUnavailable);
skipLine('the read-only data directory tests (cannot bind-mount here)', bindMountUnavailable);
const withTmpfs = tmpfsUnavailable ? it.skip : it;
const withChattr = chattrUnavailable ? it.skip : it;
const withBindMount = bindMountUnavailable ? it.skip : it;

/** A tmpfs of `size` mounted on a fresh folder; `resize` changes its size in place, `release` unmounts it. */
const smallDisk = (size: string): { directory: string; resize(size: string): void; release(): void } => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-small-disk-'));
  run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', directory]);
  return {
    directory,
    resize: (to) => run('mount', ['-o', `remount,size=${to}`, directory]),
    release: () => {
      // Lazy: a failed test may still hold the database open; the mount goes when the last file closes.
      run('umount', ['-l', directory]);
      rmSync(directory, { recursive: true, force: true });
    },
  };
};

const bigEvents = (count: number, label: string): NewEvent[] =>
  Array.from({ length: count }, (_, index) => ({ id: crypto.randomUUID(), type: 'Filled', data: { label, index, padding: 'x'.repeat(8_000) } }));

const startApiIn = async (dataDirectory: string): Promise<{ api: RunningApi; token: string }> => {
  const api = await startApi(
    localApiSettings(dataDirectory, join(repositoryRoot, 'blueprints')),
    { logger: false },
  );
  const tokens = JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Record<string, { token: string }>;
  return { api, token: (tokens['rita'] as { token: string }).token };
};

interface Answer {
  readonly status: number;
  readonly body: { error?: string; message?: string; record?: { id: string; revision: number }; events?: { id: string }[] };
}

const call = async (api: RunningApi, token: string, method: string, path: string, body?: unknown, key?: string): Promise<Answer> => {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
};

const headOf = async (api: RunningApi): Promise<bigint> => (await api.engine.store.headPosition())?.commit ?? 0n;

interface ProjectionsAnswer {
  readonly httpStatus: number;
  readonly headPosition: string | null;
  readonly projections: readonly { projection: string; state: string; checkpoint: string | null; lag: number; error: string | null }[];
}

const projectionsOf = async (api: RunningApi, token: string): Promise<ProjectionsAnswer> => {
  const response = await fetch(`${api.url}/projections`, { headers: { authorization: `Bearer ${token}` } });
  return { httpStatus: response.status, ...((await response.json()) as Omit<ProjectionsAnswer, 'httpStatus'>) };
};

interface HealthAnswer {
  readonly httpStatus: number;
  readonly status: string;
  readonly projections: { maxLag: number; byProjection: readonly { projection: string; state: string; lag: number }[] };
}

const healthOf = async (api: RunningApi, token: string): Promise<HealthAnswer> => {
  const response = await fetch(`${api.url}/health`, { headers: { authorization: `Bearer ${token}` } });
  return { ...((await response.json()) as Omit<HealthAnswer, 'httpStatus'>), httpStatus: response.status };
};

/** Polls until every projection is live at the head; rejects with the last answer after `deadlineMs`. */
const projectionsLiveAtHead = async (api: RunningApi, token: string, deadlineMs: number): Promise<ProjectionsAnswer> => {
  const started = process.hrtime.bigint();
  for (;;) {
    const answer = await projectionsOf(api, token);
    if (answer.projections.every((projection) => projection.state === 'live' && projection.checkpoint === answer.headPosition)) return answer;
    if (Number((process.hrtime.bigint() - started) / 1_000_000n) > deadlineMs) {
      throw new Error(`the projections did not resume within ${deadlineMs} ms: ${JSON.stringify(answer)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('disk full and read-only storage', () => {
  withTmpfs('given the store on a full disk, when appending, then UNAVAILABLE names SQLITE_FULL, nothing of the append is stored, and the same append succeeds once space returns', async () => {
    const disk = smallDisk('512k');
    try {
      const store = await SqliteEventStore.open({ directory: disk.directory, clock: systemClock });
      let acknowledged = 0;
      let refusal: unknown = null;
      for (let attempt = 0; attempt < 500 && refusal === null; attempt += 1) {
        try {
          await store.append(`filler-${attempt % 7}`, bigEvents(1, 'filler'), 'any');
          acknowledged += 1;
        } catch (error) {
          refusal = error;
        }
      }
      const head = await store.headPosition();
      const multi = bigEvents(3, 'multi');
      const refused = await store.append('deal-full', multi, 'no_stream').then(
        () => null,
        (error: unknown) => error,
      );

      expect(refusal).toBeInstanceOf(EventStoreException);
      expect(refused).toBeInstanceOf(EventStoreException);
      expect((refused as EventStoreException).code).toBe(EventStoreExceptionCode.UNAVAILABLE);
      expect((refused as EventStoreException).message).toContain('SQLITE_FULL');
      expect(await store.readStream('deal-full')).toEqual([]);
      expect(await store.headPosition()).toEqual(head);
      expect((await store.readAll({ maxCount: 10_000 })).filter((event) => event.type === 'Filled')).toHaveLength(acknowledged);

      disk.resize('8m');
      const result = await store.append('deal-full', multi, 'no_stream');
      expect(result.nextExpectedRevision).toBe(2);
      expect((await store.readStream('deal-full')).map((event) => event.id)).toEqual(multi.map((event) => event.id));
      await store.close();

      const check = new Database(join(disk.directory, 'events.sqlite'), { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
      process.stdout.write(`[disk-full] store: ${acknowledged} appends fit in 512 KiB; then UNAVAILABLE: ${(refused as Error).message}\n`);
    } finally {
      disk.release();
    }
  }, scaledTimeout(60_000));

  withTmpfs('given the API on a full disk, when a write is sent, then 503 UNAVAILABLE names the cause, nothing is stored, the API keeps answering with any projection the disk stopped reported failed, and once space returns the retried request succeeds and every projection is live again at the head', async () => {
    // Room for some writes: the read models (and their WAL) share this disk with the events.
    const disk = smallDisk('2m');
    // A projection that cannot even record its failure must not take the process down with it.
    const unhandled: unknown[] = [];
    const collect = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', collect);
    const { api, token } = await startApiIn(disk.directory);
    try {
      const opened = await call(api, token, 'POST', '/records/opportunity', { fields: { name: 'Deal on a small disk' } });
      expect(opened.status).toBe(201);
      const id = opened.body.record?.id as string;
      let failed: Answer | null = null;
      let key = '';
      let accepted = 0;
      for (let write = 0; write < 500 && failed === null; write += 1) {
        key = `disk-full-${write}`;
        const answer = await call(api, token, 'PATCH', `/records/opportunity/${id}`, { fields: { notes: `${write} ${'n'.repeat(9_900)}` } }, key);
        if (answer.status === 200) accepted += 1;
        else failed = answer;
      }
      const head = await headOf(api);
      const revision = (await call(api, token, 'GET', `/records/opportunity/${id}`)).body as { revision: number };
      const projectionsWhileFull = await projectionsOf(api, token);
      const healthWhileFull = await healthOf(api, token);

      expect(accepted).toBeGreaterThan(0);
      expect(failed?.status).toBe(503);
      expect(failed?.body.error).toBe('UNAVAILABLE');
      expect(failed?.body.message).toContain('SQLITE_FULL');
      expect(revision.revision).toBe(accepted);
      expect(projectionsWhileFull.httpStatus).toBe(200);
      expect(projectionsWhileFull.projections.map(({ projection }) => projection).sort()).toEqual(crmProjections().map(({ name }) => name).sort());
      const stoppedByTheDisk = projectionsWhileFull.projections.filter(({ state }) => state === 'failed');
      for (const projection of stoppedByTheDisk) expect(projection.error).toContain('SQLITE_FULL');
      expect(healthWhileFull).toMatchObject({ httpStatus: 200, status: 'up' });

      disk.resize('16m');
      const retried = await call(api, token, 'PATCH', `/records/opportunity/${id}`, { fields: { notes: `retried ${'n'.repeat(9_900)}` } }, key);
      expect(retried.status).toBe(200);
      expect(retried.body.record?.revision).toBe(accepted + 1);
      expect(await headOf(api)).toBe(head + 1n);
      const history = await api.engine.store.readStream(`opportunity-${id}`);
      expect(history.filter((event) => event.metadata['commandId'] === `idempotency:rita:${key}`)).toHaveLength(1);
      const resumed = await projectionsLiveAtHead(api, token, scaledTimeout(20_000));
      expect(resumed.projections.map(({ error }) => error)).toEqual(crmProjections().map(() => null));
      const health = await healthOf(api, token);
      expect(health.projections.maxLag).toBe(0);
      expect(health.projections.byProjection.map(({ state }) => state)).toEqual(crmProjections().map(() => 'live'));
      const stoppedLine = stoppedByTheDisk.map(({ projection, error }) => `${projection} failed (${error})`).join(', ') || 'none failed';
      process.stdout.write(`[disk-full] API: ${accepted} writes fit; then ${failed?.status} ${failed?.body.error}: ${failed?.body.message}; projections while full: ${stoppedLine}\n`);
    } finally {
      // A close on a full disk cannot check its WAL in, and that error would hide the test's own.
      disk.resize('16m');
      await api.close();
      disk.release();
      process.off('unhandledRejection', collect);
    }
    expect(unhandled).toEqual([]);
  }, scaledTimeout(60_000));

  withChattr('given the store files turn unwritable while the API runs, when a write is sent, then 503 UNAVAILABLE names the I/O error, nothing is stored, and it succeeds once writable again', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'crm-unwritable-'));
    const files = ['events.sqlite', 'events.sqlite-wal'].map((name) => join(dataDirectory, name));
    const { api, token } = await startApiIn(dataDirectory);
    try {
      const opened = await call(api, token, 'POST', '/records/opportunity', { fields: { name: 'Deal on frozen storage' } });
      const id = opened.body.record?.id as string;
      const head = await headOf(api);
      run('chattr', ['+i', ...files]);
      const refused = await call(api, token, 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'while frozen' } }, 'frozen-1');
      const headWhileFrozen = await headOf(api);
      run('chattr', ['-i', ...files]);
      const retried = await call(api, token, 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'while frozen' } }, 'frozen-1');

      expect(refused.status).toBe(503);
      expect(refused.body.error).toBe('UNAVAILABLE');
      expect(refused.body.message).toMatch(/SQLITE_(IOERR|READONLY)/);
      expect(headWhileFrozen).toBe(head);
      expect(retried.status).toBe(200);
      expect(await headOf(api)).toBe(head + 1n);
      process.stdout.write(`[disk-full] unwritable files: ${refused.status} ${refused.body.error}: ${refused.body.message}\n`);
    } finally {
      run('chattr', ['-i', ...files]);
      await api.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  }, scaledTimeout(60_000));

  describe('a read-only data directory', () => {
    let root: string;
    let writable: string;
    let readOnly: string;

    beforeEach(() => {
      if (bindMountUnavailable) return;
      root = mkdtempSync(join(tmpdir(), 'crm-read-only-'));
      writable = join(root, 'writable');
      readOnly = join(root, 'read-only');
      mkdirSync(writable);
      mkdirSync(readOnly);
      run('mount', ['--bind', writable, readOnly]);
      run('mount', ['-o', 'remount,bind,ro', readOnly]);
    });

    afterEach(() => {
      if (bindMountUnavailable) return;
      run('umount', ['-l', readOnly]);
      rmSync(root, { recursive: true, force: true });
    });

    withBindMount('given an empty read-only data directory, when the API starts, then it refuses, naming the file it could not write and why', async () => {
      await expect(startApiIn(readOnly)).rejects.toThrow(/EROFS: read-only file system, open '.*users\.yaml'/);
    });

    withBindMount('given an existing store in a read-only data directory, when the API starts, then it refuses, naming the store file and the SQLite reason', async () => {
      const { api } = await startApiIn(writable);
      await api.close();
      await expect(startApiIn(readOnly)).rejects.toThrow(/cannot open the SQLite event store at .*events\.sqlite: SQLITE_(CANTOPEN|READONLY): .* is not writable \(EROFS\)/);
    });

    // A clean close leaves one self-contained file (WAL checkpointed and turned off), which SQLite can read
    // where it cannot create the -shm and -wal files a WAL database needs.
    withBindMount('given an existing store in a read-only data directory, when opened readOnly, then its events can be read', async () => {
      const store = await SqliteEventStore.open({ directory: writable, clock: systemClock });
      await store.append('deal-1', bigEvents(1, 'ro'), 'no_stream');
      await store.close();
      const reader = await SqliteEventStore.open({ directory: readOnly, clock: systemClock, readOnly: true });
      try {
        expect(await reader.readStream('deal-1')).toHaveLength(1);
      } finally {
        await reader.close();
      }
    });
  });
});
