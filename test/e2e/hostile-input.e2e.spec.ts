import { connect } from 'node:net';
import { ApiHarness, type ApiResponse } from './api-harness';

interface ErrorBody {
  error: string;
  message: string;
  details: Record<string, unknown>;
}
interface Invalid {
  field: string;
  problems: string[];
}
interface FieldProblem {
  field: string;
  message: string;
}

/** One answer read off a raw socket. */
interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** Every complete HTTP/1.1 answer in `text` (each with a Content-Length), in order. */
const answersIn = (text: string): RawAnswer[] => {
  const answers: RawAnswer[] = [];
  let rest = Buffer.from(text, 'latin1');
  for (;;) {
    const headerEnd = rest.indexOf('\r\n\r\n');
    if (headerEnd < 0) return answers;
    const [statusLine = '', ...headerLines] = rest.subarray(0, headerEnd).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    const body = rest.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    answers.push({ status: Number(statusLine.split(' ')[1]), headers, body: body ? (JSON.parse(body) as unknown) : null });
    rest = rest.subarray(headerEnd + 4 + length);
  }
};

/**
 * Writes `request` as raw bytes (what `fetch` refuses to send: lying lengths, oversized headers, bad
 * escapes), half-closes, and collects every answer until the server closes the connection.
 */
const sendRaw = (url: string, request: string): Promise<RawAnswer[]> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within 5 s; got ${Buffer.concat(chunks).toString('latin1').slice(0, 300)}`));
    }, 5_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answersIn(Buffer.concat(chunks).toString('latin1')));
    });
    socket.end(request, 'latin1');
  });

const expectDocumentedBody = (body: unknown): ErrorBody => {
  expect(body).toEqual({ error: expect.any(String), message: expect.any(String), details: expect.any(Object) });
  return body as ErrorBody;
};

describe('hostile input (real server on a temp data dir)', () => {
  let harness: ApiHarness;
  let ritasDeal: string;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    ritasDeal = await harness.openOpportunity('rita');
  });

  afterAll(async () => {
    await harness.stop();
  });

  const head = async (): Promise<string | null> =>
    (await harness.request<{ store: { headPosition: string | null } }>('ada', 'GET', '/health')).body.store.headPosition;

  const expectError = (response: ApiResponse<unknown>, status: number, error: string): ErrorBody => {
    expect({ status: response.status, error: (response.body as ErrorBody).error }).toEqual({ status, error });
    return expectDocumentedBody(response.body);
  };

  /** Runs `act` and checks the store head did not move: the refused request stored nothing. */
  const storingNothing = async <T>(act: () => Promise<T>): Promise<T> => {
    const before = await head();
    const result = await act();
    expect(await head()).toBe(before);
    return result;
  };

  const invalidOf = (body: ErrorBody): Invalid[] => body.details['invalid'] as Invalid[];

  const openWith = (body: unknown): Promise<ApiResponse<unknown>> => harness.request('rita', 'POST', '/records/opportunity', body);

  describe('JSON bodies are checked for shape before anything else reads them', () => {
    const nestedLists = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

    it('given fields nested 33 levels deep, when opening, then 400 VALIDATION_FAILED names the path that is too deep', async () => {
      // The body object is level 1, fields level 2, so 31 lists make 33 levels.
      const response = await storingNothing(() => openWith(`{"fields":{"notes":${nestedLists(31)}}}`));

      const body = expectError(response, 400, 'VALIDATION_FAILED');
      expect(invalidOf(body)).toEqual([{ field: `fields.notes${'[0]'.repeat(30)}`, problems: ['nested deeper than 32 levels'] }]);
    });

    it('given fields nested exactly 32 levels deep, when opening, then the shape passes and the blueprint judges the value', async () => {
      const response = await storingNothing(() => openWith(`{"fields":{"notes":${nestedLists(30)}}}`));

      const body = expectError(response, 400, 'INVALID_FIELDS');
      expect((body.details['problems'] as FieldProblem[]).map((problem) => problem.field)).toEqual(['notes']);
    });

    it('given a body of almost 1 MiB of nested lists, when opening, then 400 VALIDATION_FAILED (no stack overflow, no 500)', async () => {
      const levels = (1024 * 1024 - 40) / 2;
      const response = await storingNothing(() => openWith(`{"fields":{"notes":${nestedLists(levels)}}}`));

      expectError(response, 400, 'VALIDATION_FAILED');
    });

    it('given 1,001 keys in fields, when opening, then 400 VALIDATION_FAILED names fields', async () => {
      const fields = Object.fromEntries(Array.from({ length: 1_001 }, (_, index) => [`field${index}`, 1]));

      const body = expectError(await storingNothing(() => openWith({ fields })), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body)).toEqual([{ field: 'fields', problems: ['has more than 1000 keys'] }]);
    });

    it('given exactly 1,000 keys in fields, when opening, then the shape passes and the blueprint names unknown fields', async () => {
      const fields = Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`field${index}`, 1]));

      const body = expectError(await storingNothing(() => openWith({ fields })), 400, 'INVALID_FIELDS');

      expect((body.details['problems'] as FieldProblem[])).toHaveLength(1_000);
    });

    it('given 90,000 keys in one object, when opening, then 400 VALIDATION_FAILED', async () => {
      const fields = Object.fromEntries(Array.from({ length: 90_000 }, (_, index) => [`k${index}`, 1]));

      const body = expectError(await storingNothing(() => openWith({ fields })), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body)).toEqual([{ field: 'fields', problems: ['has more than 1000 keys'] }]);
    });

    it('given more than 10,000 keys and list items in all, when opening, then 400 VALIDATION_FAILED names where the count ran over', async () => {
      const list = Array.from({ length: 1_000 }, () => 1);
      const notes = Array.from({ length: 11 }, () => list);

      const body = expectError(await storingNothing(() => openWith({ fields: { notes } })), 400, 'VALIDATION_FAILED');

      // fields, notes and 9 lists of 1 + 1,000 make 9,011; the 10,001st value is item 988 of the tenth list.
      expect(invalidOf(body)).toEqual([{ field: 'fields.notes[9][988]', problems: ['the body has more than 10000 keys and list items'] }]);
    });

    it('given a field value over 64 KiB, when opening, then 400 VALIDATION_FAILED names it before it is parsed', async () => {
      const body = expectError(await storingNothing(() => openWith({ fields: { notes: 'x'.repeat(1_000_000) } })), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body)).toEqual([{ field: 'fields.notes', problems: ['is longer than 65536 bytes'] }]);
    });

    it('given the longest text a field takes (10,000 characters), when opening, then the record is opened', async () => {
      expect((await openWith({ fields: { name: 'Long notes', notes: '\u{1F600}'.repeat(10_000) } })).status).toBe(201);
    });

    it('given a NUL character in a field value, when opening, then 400 VALIDATION_FAILED names the field', async () => {
      const body = expectError(await storingNothing(() => openWith({ fields: { name: 'Globex\u0000 deal' } })), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body)).toEqual([{ field: 'fields.name', problems: ['contains a NUL character'] }]);
    });

    it('given a NUL character in a field name, when updating, then 400 VALIDATION_FAILED names the key, escaped', async () => {
      const response = await storingNothing(() => harness.request('rita', 'PATCH', `/records/opportunity/${ritasDeal}`, { fields: { 'na\u0000me': 'x' } }));

      const body = expectError(response, 400, 'VALIDATION_FAILED');
      expect(invalidOf(body)).toEqual([{ field: 'fields["na\\u0000me"]', problems: ['contains a NUL character'] }]);
    });
  });

  describe('JavaScript reserved names are never silently dropped', () => {
    const RESERVED = ['constructor', 'toString', 'hasOwnProperty', 'valueOf'];

    it.each(RESERVED)('given a field named %s, when opening, then 400 INVALID_FIELDS names it', async (name) => {
      const response = await storingNothing(() => openWith({ fields: { name: 'Globex', [name]: 1 } }));

      const body = expectError(response, 400, 'INVALID_FIELDS');
      expect((body.details['problems'] as FieldProblem[]).map((problem) => problem.field)).toEqual([name]);
    });

    it.each(RESERVED)('given a field named %s, when updating, then 400 INVALID_FIELDS names it', async (name) => {
      const response = await storingNothing(() => harness.request('rita', 'PATCH', `/records/opportunity/${ritasDeal}`, { fields: { [name]: 1 } }));

      const body = expectError(response, 400, 'INVALID_FIELDS');
      expect((body.details['problems'] as FieldProblem[]).map((problem) => problem.field)).toEqual([name]);
    });

    it('given the literal body {"fields":{"toString":1}}, when updating, then 400 INVALID_FIELDS names toString', async () => {
      const response = await storingNothing(() => harness.request('rita', 'PATCH', `/records/opportunity/${ritasDeal}`, '{"fields":{"toString":1}}'));

      expect(expectError(response, 400, 'INVALID_FIELDS').message).toContain('toString');
    });

    it('given a field named valueOf beside the missing criteria, when advancing, then 400 INVALID_FIELDS names it', async () => {
      const response = await storingNothing(() =>
        harness.request('rita', 'POST', `/records/opportunity/${ritasDeal}/transitions`, { event: 'analyze_needs', fields: { valueOf: 1 } }),
      );

      expect((expectError(response, 400, 'INVALID_FIELDS').details['problems'] as FieldProblem[]).map((problem) => problem.field)).toEqual(['valueOf']);
    });

    it.each(RESERVED)('given a body property named %s, when advancing, then 400 VALIDATION_FAILED names it', async (name) => {
      const response = await storingNothing(() =>
        harness.request('rita', 'POST', `/records/opportunity/${ritasDeal}/transitions`, { event: 'analyze_needs', [name]: 1 }),
      );

      const body = expectError(response, 400, 'VALIDATION_FAILED');
      expect(invalidOf(body).map((invalid) => invalid.field)).toContain(name);
    });

    it('given a query parameter named toString, when listing, then 400 VALIDATION_FAILED names it', async () => {
      const body = expectError(await harness.request('rita', 'GET', '/records/opportunity?toString=1'), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body).map((invalid) => invalid.field)).toEqual(['toString']);
    });
  });

  describe('query parameters', () => {
    it.each(['0x10', '1e2', '+5', '%205', '5%20', '0b11', 'Infinity', ''])('given limit=%s, when listing, then 400 VALIDATION_FAILED names limit', async (limit) => {
      const body = expectError(await harness.request('rita', 'GET', `/records/opportunity?limit=${limit}`), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body).map((invalid) => invalid.field)).toEqual(['limit']);
    });

    it('given limit=16, when listing, then it is a page size', async () => {
      expect((await harness.request('rita', 'GET', '/records/opportunity?limit=16')).status).toBe(200);
    });

    it.each(['0x10', '1e1'])('given stalledAfterDays=%s, when reading the pipeline, then 400 VALIDATION_FAILED names it', async (days) => {
      const body = expectError(await harness.request('ana', 'GET', `/pipeline?stalledAfterDays=${days}`), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body).map((invalid) => invalid.field)).toEqual(['stalledAfterDays']);
    });

    it('given stalledAfterDays=7.5, when reading the pipeline, then a decimal number is still a number', async () => {
      expect((await harness.request('ana', 'GET', '/pipeline?stalledAfterDays=7.5')).status).toBe(200);
    });

    it('given a NUL character in a query value, when listing, then 400 VALIDATION_FAILED names the parameter', async () => {
      const body = expectError(await harness.request('rita', 'GET', '/records/opportunity?text=glo%00bex'), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body)).toEqual([{ field: 'text', problems: ['contains a NUL character'] }]);
    });

    it.each([
      ['/pipeline?asOf=2026-02-30', 'asOf'],
      ['/pipeline?asOf=2026-02-30T10:00:00Z', 'asOf'],
      ['/records/opportunity?asOf=2025-02-29T00:00:00%2B01:00', 'asOf'],
      ['/funnel?from=2026-02-30T00:00:00Z&to=2026-04-01', 'from'],
      ['/forecast?asOf=2026-04-31T00:00:00Z', 'asOf'],
    ])('given the impossible date in %s, when reading, then 400 VALIDATION_FAILED names %s', async (path, parameter) => {
      const body = expectError(await harness.request('ana', 'GET', path), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body).map((invalid) => invalid.field)).toEqual([parameter]);
    });

    it('given an impossible date as a snapshot asOf, when taking a snapshot, then 400 VALIDATION_FAILED names asOf and nothing is stored', async () => {
      const response = await storingNothing(() => harness.request('max', 'POST', '/forecast/snapshots', { asOf: '2026-02-30T12:00:00Z' }));

      expect(invalidOf(expectError(response, 400, 'VALIDATION_FAILED')).map((invalid) => invalid.field)).toEqual(['asOf']);
    });

    it('given an impossible date as a date field, when opening, then 400 INVALID_FIELDS names the field', async () => {
      const response = await storingNothing(() => openWith({ fields: { name: 'Globex', timeline: '2026-02-30' } }));

      expect((expectError(response, 400, 'INVALID_FIELDS').details['problems'] as FieldProblem[]).map((problem) => problem.field)).toEqual(['timeline']);
    });

    it.each(['/forecast', '/forecast/accuracy'])('given from after to, when reading %s, then 400 VALIDATION_FAILED names to', async (route) => {
      const body = expectError(await harness.request('ana', 'GET', `${route}?from=2026-Q3&to=2026-Q1`), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body)).toEqual([{ field: 'to', problems: ['to must not be before from (2026-Q3)'] }]);
    });

    it('given from equal to to, when reading the forecast, then one period is reported', async () => {
      expect((await harness.request('ana', 'GET', '/forecast?periodKind=month&from=2026-03&to=2026-03')).status).toBe(200);
    });
  });

  describe('record ids and kinds in the path', () => {
    it('given an id of 128 characters, when opened, then the record is reachable on every record route', async () => {
      const id = `a${'b'.repeat(126)}z`;

      expect((await openWith({ id, fields: { name: 'Long id deal' } })).status).toBe(201);

      expect((await harness.request('rita', 'GET', `/records/opportunity/${id}`)).status).toBe(200);
      expect((await harness.request('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'still here' } })).status).toBe(200);
      expect((await harness.request('rita', 'GET', `/records/opportunity/${id}/history`)).status).toBe(200);
      expect((await harness.request('ada', 'POST', `/records/opportunity/${id}/owner`, { owner: 'raj' })).status).toBe(200);
    });

    it('given an id of 129 characters, when opening, then 400 VALIDATION_FAILED names id and nothing is stored', async () => {
      const body = expectError(await storingNothing(() => openWith({ id: 'x'.repeat(129) })), 400, 'VALIDATION_FAILED');

      expect(invalidOf(body).map((invalid) => invalid.field)).toEqual(['id']);
    });

    it('given a record id of 129 characters in the path, when reading, then 414 URI_TOO_LONG in the documented body', async () => {
      const body = expectError(await harness.request('rita', 'GET', `/records/opportunity/${'x'.repeat(129)}`), 414, 'URI_TOO_LONG');

      expect(body.details).toEqual({ maxSegmentLength: 128 });
    });

    it('given a kind of 200 characters, when opening, then 414 URI_TOO_LONG in the documented body and nothing is stored', async () => {
      const response = await storingNothing(() => harness.request('rita', 'POST', `/records/${'k'.repeat(200)}`, { fields: {} }));

      expectError(response, 414, 'URI_TOO_LONG');
    });
  });

  describe('errors Fastify and Node raise themselves use the documented body', () => {
    const authorization = (): string => `Authorization: Bearer ${harness.tokenOf('rita')}\r\n`;

    it('given bad percent-encoding in the path, when reading, then 400 MALFORMED_URL', async () => {
      const answers = await sendRaw(harness.api.url, `GET /records/opportunity/%E0%A4%A HTTP/1.1\r\nHost: crm\r\n${authorization()}Connection: close\r\n\r\n`);

      expect(answers.map((answer) => answer.status)).toEqual([400]);
      expect(expectDocumentedBody(answers[0]?.body).error).toBe('MALFORMED_URL');
    });

    it('given bad percent-encoding in the query, when listing, then 400 MALFORMED_URL', async () => {
      const answers = await sendRaw(harness.api.url, `GET /records/opportunity?text=%E0%A4%A HTTP/1.1\r\nHost: crm\r\n${authorization()}Connection: close\r\n\r\n`);

      expect(answers.map((answer) => answer.status)).toEqual([400]);
      expect(expectDocumentedBody(answers[0]?.body).error).toBe('MALFORMED_URL');
    });

    it('given a body of a media type the API does not read, when opening, then 415 UNSUPPORTED_MEDIA_TYPE and nothing is stored', async () => {
      const response = await storingNothing(() => harness.request('rita', 'POST', '/records/opportunity', '<fields/>', { 'content-type': 'application/xml' }));

      expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('given a JSON text sent as text/plain, when opening, then 400 VALIDATION_FAILED (a text is not an object) and nothing is stored', async () => {
      const response = await storingNothing(() => harness.request('rita', 'POST', '/records/opportunity', '{"fields":{"toString":1}}', { 'content-type': 'text/plain' }));

      expectError(response, 400, 'VALIDATION_FAILED');
    });

    it('given headers over 16 KiB, when sent, then 431 HEADERS_TOO_LARGE', async () => {
      const answers = await sendRaw(harness.api.url, `GET /health HTTP/1.1\r\nHost: crm\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);

      expect(answers.map((answer) => answer.status)).toEqual([431]);
      expect(expectDocumentedBody(answers[0]?.body).error).toBe('HEADERS_TOO_LARGE');
    });

    it('given a Content-Length longer than the body, when the client stops sending, then 400 MALFORMED_REQUEST and nothing is stored', async () => {
      const answers = await storingNothing(() =>
        sendRaw(
          harness.api.url,
          `POST /records/opportunity HTTP/1.1\r\nHost: crm\r\n${authorization()}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"fields":{}}`,
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual([400]);
      expect(expectDocumentedBody(answers[0]?.body).error).toBe('MALFORMED_REQUEST');
    });

    it('given a Content-Length shorter than the body, when sent, then every answer uses the documented body and nothing is stored', async () => {
      const answers = await storingNothing(() =>
        sendRaw(
          harness.api.url,
          `POST /records/opportunity HTTP/1.1\r\nHost: crm\r\n${authorization()}Content-Type: application/json\r\nContent-Length: 5\r\n\r\n{"fields":{"name":"Short"}}`,
        ),
      );

      expect(answers.length).toBeGreaterThan(0);
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(['MALFORMED_JSON', 'MALFORMED_REQUEST']).toContain(expectDocumentedBody(answer.body).error);
      }
    });

    it.each([
      ['two different Content-Lengths', 'Content-Length: 2\r\nContent-Length: 3\r\n'],
      ['a Content-Length that is not a number', 'Content-Length: abc\r\n'],
    ])('given %s, when sent, then 400 MALFORMED_REQUEST', async (_, lengthHeaders) => {
      const answers = await storingNothing(() =>
        sendRaw(harness.api.url, `POST /records/opportunity HTTP/1.1\r\nHost: crm\r\n${authorization()}Content-Type: application/json\r\n${lengthHeaders}\r\n{}`),
      );

      expect(answers.map((answer) => answer.status)).toEqual([400]);
      expect(expectDocumentedBody(answers[0]?.body)).toMatchObject({ error: 'MALFORMED_REQUEST', details: { reason: expect.stringMatching(/^HPE_/) } });
    });
  });
});
