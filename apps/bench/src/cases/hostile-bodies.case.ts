import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import type { CaseResult, CaseSettings, MeasuredCase } from '../case-result';
import { runChildTask, serveChildTask } from '../child-task';
import { Latencies, type LatencySummary } from '../measure/latencies';
import { ServerProcess } from '../servers/server-process';

export const HOSTILE_CLIENTS = 8;
const MiB = 1024 * 1024;
/** Just under the API's body limit (1 MiB): every body is read whole before it is judged. */
const BODY_BYTES = MiB - 64;
/** Pause between two `/health` probes of the one probing client: a steady trickle, not load of its own. */
const PROBE_GAP_MS = 5;
/** Longer than the probe's process takes to start, so the hostile load covers its whole window. */
const PROBE_STARTUP_ALLOWANCE_SECONDS = 5;

const durations = (quick: boolean): { warmup: number; measured: number } => (quick ? { warmup: 2, measured: 8 } : { warmup: 3, measured: 20 });

/** `{"fields":{"notes":` + `filler` + `}}`, with `filler(room)` filling the room left up to BODY_BYTES. */
const fieldsBody = (filler: (room: number) => string): string => {
  const head = '{"fields":{"notes":';
  const tail = '}}';
  return `${head}${filler(BODY_BYTES - head.length - tail.length)}${tail}`;
};

/** Keys `"k0":1,"k1":1,…` while they fit in `room` characters. */
const manyKeys = (room: number): string => {
  const keys: string[] = [];
  let length = 2;
  for (let index = 0; ; index += 1) {
    const key = `"k${index}":1`;
    if (length + key.length + 1 > room) break;
    keys.push(key);
    length += key.length + 1;
  }
  return `{${keys.join(',')}}`;
};

/** Lists of 999 numbers while they fit: many values in all, none too many in one place. */
const manyValues = (room: number): string => {
  const list = `[${Array.from({ length: 999 }, () => '1').join(',')}]`;
  const count = Math.floor((room - 2) / (list.length + 1));
  return `[${Array.from({ length: count }, () => list).join(',')}]`;
};

/** As many fields of 64,000-character strings as fit: the heaviest body the shape check lets through. */
const longStrings = (room: number): string => {
  const value = 'x'.repeat(64_000);
  const count = Math.floor((room - 2) / (value.length + 10));
  return `{${Array.from({ length: count }, (_, index) => `"s${index}":"${value}"`).join(',')}}`;
};

/**
 * The hostile bodies, each just under 1 MiB: what a parser or validator must not take long over.
 * `nul-at-end` and `long-text` are read to their last byte before they are refused; `long-strings`
 * passes the shape check and is parsed, validated and refused by the blueprint (unknown fields).
 */
export const HOSTILE_BODIES: Readonly<Record<string, string>> = {
  'deep-nesting': fieldsBody((room) => `${'['.repeat(Math.floor(room / 2))}${']'.repeat(Math.floor(room / 2))}`),
  'many-keys': fieldsBody(manyKeys),
  'many-values': fieldsBody(manyValues),
  'nul-at-end': fieldsBody((room) => `"${'x'.repeat(room - 8)}\\u0000"`),
  'long-text': fieldsBody((room) => `"${'x'.repeat(room - 2)}"`),
  'long-strings': `{"fields":${longStrings(BODY_BYTES - 12)}}`,
};

const countEvents = (dataDirectory: string): number => {
  const db = new Database(join(dataDirectory, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { count: number }>('SELECT count(*) AS count FROM events').get()?.count ?? 0;
  } finally {
    db.close();
  }
};

/** One GET /health over a kept-alive connection; resolves with its status once the answer is read. */
const getHealth = (url: URL, agent: Agent): Promise<number> =>
  new Promise((resolve, reject) => {
    const call = request({ host: url.hostname, port: url.port, path: '/health', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    call.on('error', reject);
    call.end();
  });

interface ProbeInput {
  readonly url: string;
  readonly seconds: number;
}

interface ProbeResult {
  readonly latencyMs: LatencySummary;
  readonly failures: number;
}

/** Probes `/health` one request at a time, PROBE_GAP_MS apart, for `seconds`; every answer must be 200. */
const probeHealth = async ({ url: serverUrl, seconds }: ProbeInput): Promise<ProbeResult> => {
  const url = new URL(serverUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies = new Latencies();
  let failures = 0;
  const until = Date.now() + seconds * 1_000;
  try {
    while (Date.now() < until) {
      const status = await latencies.time(() => getHealth(url, agent));
      if (status !== 200) failures += 1;
      await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS));
    }
  } finally {
    agent.destroy();
  }
  return { latencyMs: latencies.summary(), failures };
};

/**
 * The probe runs in a process of its own (this file, run as a child task), so the hostile clients'
 * work in the case process cannot delay its timing: it sees `/health` as any other caller would.
 */
const probeInOwnProcess = (input: ProbeInput): Promise<ProbeResult> => runChildTask<ProbeInput, ProbeResult>(__filename, input);

const statusCounts = (result: autocannon.Result): string =>
  JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])));

/**
 * `/health` latency, as a caller sees it, while 8 clients send hostile bodies of just under 1 MiB as
 * fast as the API answers them, against `/health` with no other load in the same run. The API, the
 * probe and the hostile clients (autocannon, in the case process) each run in a process of their own.
 */
export const runHostileBodiesCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const { warmup, measured } = durations(settings.quick);
  const dataDirectory = join(settings.workDirectory, 'api-data');
  const server = await ServerProcess.start(join(__dirname, '..', 'servers', 'api-server.ts'), [dataDirectory]);
  try {
    const tokens = JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Record<string, { token: string }>;
    const requests: autocannon.Request[] = Object.values(HOSTILE_BODIES).map((body) => ({
      method: 'POST',
      path: '/records/opportunity',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['rita']?.token ?? ''}` },
      body,
    }));
    const hostileLoad = (seconds: number): Promise<autocannon.Result> =>
      autocannon({ url: server.url, connections: HOSTILE_CLIENTS, duration: seconds, timeout: 30, requests });

    await Promise.all([probeInOwnProcess({ url: server.url, seconds: warmup }), hostileLoad(warmup + PROBE_STARTUP_ALLOWANCE_SECONDS)]);
    const quiet = await probeInOwnProcess({ url: server.url, seconds: measured });
    const eventsBefore = countEvents(dataDirectory);
    await server.startProfile(settings.profileDirectory);
    const [underLoad, hostile] = await Promise.all([
      probeInOwnProcess({ url: server.url, seconds: measured }),
      hostileLoad(measured + PROBE_STARTUP_ALLOWANCE_SECONDS),
    ]);
    await server.stopProfile(settings.profileDirectory, 'api-server');
    const peak = await server.peakRssMiB();
    await server.stop();
    const storedByHostileBodies = countEvents(dataDirectory) - eventsBefore;

    const quietCase: MeasuredCase = {
      status: 'measured',
      id: 'hostile.quiet',
      title: '/health with no other load',
      rate: { value: quiet.latencyMs.count / measured, unit: 'probes/s' },
      latencyMs: quiet.latencyMs,
      peakRssMiB: null,
      details: { seconds: measured, probes: quiet.latencyMs.count, probeGapMs: PROBE_GAP_MS, failedProbes: quiet.failures },
    };
    const hostileCase: MeasuredCase = {
      status: 'measured',
      id: 'hostile',
      title: `/health while ${HOSTILE_CLIENTS} clients send hostile bodies of just under 1 MiB`,
      rate: { value: hostile.requests.total / hostile.duration, unit: 'hostile bodies/s' },
      latencyMs: underLoad.latencyMs,
      peakRssMiB: peak,
      details: {
        seconds: measured,
        hostileSeconds: hostile.duration,
        probes: underLoad.latencyMs.count,
        failedProbes: underLoad.failures,
        hostileClients: HOSTILE_CLIENTS,
        bodyBytes: BODY_BYTES,
        bodyKinds: Object.keys(HOSTILE_BODIES).join(', '),
        hostileRequests: hostile.requests.total,
        hostileStatusCodes: statusCounts(hostile),
        hostileErrors: hostile.errors,
        hostileTimeouts: hostile.timeouts,
        hostileMiBPerSecond: (hostile.requests.total * BODY_BYTES) / MiB / hostile.duration,
        // Every hostile body is refused: the store must not grow while they are sent.
        storedByHostileBodies,
        quietP99Ms: quiet.latencyMs.p99,
      },
    };
    return [quietCase, hostileCase];
  } finally {
    await server.stop();
  }
};

// Run as the probe's own process (see probeInOwnProcess): node -r register-typescript.js hostile-bodies.case.ts <input JSON>
if (require.main === module) serveChildTask(probeHealth);
