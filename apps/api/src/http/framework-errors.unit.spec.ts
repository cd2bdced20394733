import { maxHeaderSize } from 'node:http';
import { clientErrorOf, frameworkErrorOf, hasMalformedQuery, MAX_PATH_SEGMENT_LENGTH, rawAnswer } from './framework-errors';

const fastifyError = (code: string, statusCode: number, message: string): Error & { code: string; statusCode: number } =>
  Object.assign(new Error(message), { code, statusCode });

const parserError = (code: string, reason: string): Error & { code: string; reason: string } => Object.assign(new Error(`Parse Error: ${reason}`), { code, reason });

describe('framework errors', () => {
  it('given bad percent-encoding in the path, when mapped, then 400 MALFORMED_URL', () => {
    expect(frameworkErrorOf(fastifyError('FST_ERR_BAD_URL', 400, "'/records/%E0%A4%A' is not a valid url component"))).toEqual({
      status: 400,
      body: { error: 'MALFORMED_URL', message: 'the URL has an invalid percent-encoding (% must start a UTF-8 byte as two hex digits)', details: {} },
    });
  });

  it('given a path segment over the limit, when mapped, then 414 URI_TOO_LONG with the limit, without echoing the path', () => {
    const mapped = frameworkErrorOf(fastifyError('FST_ERR_MAX_PARAM_LENGTH', 414, `'/records/${'k'.repeat(300)}' is exceeding the max param length`));

    expect(mapped).toEqual({
      status: 414,
      body: { error: 'URI_TOO_LONG', message: `a path segment (kind or record id) is longer than ${MAX_PATH_SEGMENT_LENGTH} characters`, details: { maxSegmentLength: 128 } },
    });
  });

  it('given any other framework error, when mapped, then it is answered like every error (no internals leaked)', () => {
    expect(frameworkErrorOf(fastifyError('FST_ERR_ASYNC_CONSTRAINT', 500, 'Unexpected error from async constraint'))).toMatchObject({
      status: 500,
      body: { error: 'INTERNAL_ERROR', details: {} },
    });
  });

  it('given headers over the limit, when mapped, then 431 HEADERS_TOO_LARGE with the limit', () => {
    expect(clientErrorOf(parserError('HPE_HEADER_OVERFLOW', 'Header overflow'))).toEqual({
      status: 431,
      body: { error: 'HEADERS_TOO_LARGE', message: `the request line and headers are larger than ${maxHeaderSize} bytes`, details: { maxHeaderBytes: maxHeaderSize } },
    });
  });

  it('given a request that timed out, when mapped, then 408 REQUEST_TIMEOUT', () => {
    expect(clientErrorOf(Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }))).toMatchObject({ status: 408, body: { error: 'REQUEST_TIMEOUT' } });
  });

  it.each([
    ['HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length'],
    ['HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length'],
    ['HPE_INVALID_EOF_STATE', 'Invalid EOF state'],
  ])('given the parser error %s, when mapped, then 400 MALFORMED_REQUEST naming the reason', (code, reason) => {
    expect(clientErrorOf(parserError(code, reason))).toEqual({
      status: 400,
      body: { error: 'MALFORMED_REQUEST', message: `the HTTP request could not be read: ${reason}`, details: { reason: code } },
    });
  });

  it('given an answer, when written raw, then it is a complete HTTP/1.1 response that closes the connection', () => {
    const text = rawAnswer({ status: 431, body: { error: 'HEADERS_TOO_LARGE', message: 'big – too big', details: {} } });

    const [head = '', body = ''] = text.split('\r\n\r\n');
    expect(head.split('\r\n')).toEqual([
      'HTTP/1.1 431 Request Header Fields Too Large',
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ]);
    expect(JSON.parse(body)).toEqual({ error: 'HEADERS_TOO_LARGE', message: 'big – too big', details: {} });
  });

  it.each([
    ['/records/opportunity?text=%E0%A4%A', true],
    ['/records/opportunity?text=%', true],
    ['/records/opportunity?text=%zz', true],
    ['/records/opportunity?text=glo%20bex&limit=5', false],
    ['/records/opportunity?text=caf%C3%A9', false],
    ['/records/opportunity', false],
    ['/records/opportunity?', false],
  ])('given the URL %s, when its query is checked, then it is malformed: %s', (url, malformed) => {
    expect(hasMalformedQuery(url)).toBe(malformed);
  });
});
