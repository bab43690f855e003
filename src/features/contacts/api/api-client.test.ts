import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  readFieldsAnswer,
  readCampaignsAnswer,
  readContactDetailAnswer,
  readContactsPageAnswer,
  errorBody,
  readWorkspacesAnswer,
  type AnswerReader,
} from '../../../shared/contract';
import { documentedExample as example, type ExampleName } from '../../../shared/contract/examples';
import {
  ApiError,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  apiGet,
  apiGetServed,
  configureApiClient,
  describeApiError,
  describeRetryWait,
  readServed,
} from './api-client';
import type { ApiErrorKind } from './api-client';
import { sendJson, startLocalUpstream } from './local-upstream.test-support';

let upstream: Awaited<ReturnType<typeof startLocalUpstream>>;
beforeAll(async () => {
  upstream = await startLocalUpstream();
});
afterAll(async () => {
  await upstream.close();
});

const anything: AnswerReader<unknown> = (body) => ({ ok: true, value: body });

/** Calls apiGet and returns the ApiError it must reject with. */
async function failure(path = '/contacts', read: AnswerReader<unknown> = anything): Promise<ApiError> {
  const error: unknown = await apiGet(path, {}, read, { purpose: 'page' }).then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('apiGet on success', () => {
  it.each<[string, ExampleName, AnswerReader<unknown>]>([
    ['/contacts', 'contacts-list', readContactsPageAnswer],
    ['/contacts/contact_m9kq9mLiHgwlGTJxrkh6z3nBL', 'contact-detail', readContactDetailAnswer],
    ['/workspaces', 'workspaces-list', readWorkspacesAnswer],
    ['/campaigns', 'campaigns-list', readCampaignsAnswer],
    ['/workspaces/space_x1/all-fields', 'all-fields', readFieldsAnswer],
  ])('parses Mailstand’s documented example for GET %s', async (path, file, read) => {
    upstream.handle((_request, response) => sendJson(response, 200, example(file)));
    await expect(apiGet(path, {}, read, { purpose: 'reference' })).resolves.toBeTruthy();
    expect(upstream.requests[0]?.pathname).toBe(`/api${path}`);
  });

  it('sends the params under their own names, leaving out empty values and false flags', async () => {
    upstream.handle((_request, response) => sendJson(response, 200, example('contacts-list')));
    const page = await apiGet(
      '/contacts',
      {
        workspace: 'space_x1',
        page: 2,
        display: 2000,
        stage: 'Do Not Contact',
        search: 'a&b=c+d',
        campaign: null,
        has_opened: true,
        has_clicked: false,
        has_replied: undefined,
      },
      readContactsPageAnswer,
      { purpose: 'page' },
    );
    expect(page.total_found).toBe(14);
    const sent = upstream.requests[0]?.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      workspace: 'space_x1',
      page: '2',
      display: '2000',
      stage: 'Do Not Contact',
      search: 'a&b=c+d',
      has_opened: 'true',
    });
  });
});

describe('what the server is told and tells', () => {
  it('says what a request is for, and asks past the cache only when fresh', async () => {
    const seen: Array<Record<string, unknown>> = [];
    upstream.handle((request, response) => {
      seen.push({ ...request.headers });
      sendJson(response, 200, example('workspaces-list'));
    });
    await apiGet('/workspaces', {}, readWorkspacesAnswer, { purpose: 'export' });
    await apiGet('/workspaces', {}, readWorkspacesAnswer, { purpose: 'page', fresh: true });
    expect(seen.map((headers) => [headers['x-request-purpose'], headers['cache-control']])).toEqual([
      ['export', undefined],
      ['page', 'no-cache'],
    ]);
  });

  it('reads how long the answer waited for the budget and how old it is', async () => {
    upstream.handle((_request, response) =>
      sendJson(response, 200, example('workspaces-list'), { 'X-Rate-Limit-Waited-Ms': '4200', Age: '25' }),
    );
    const before = Date.now();
    const { served } = await apiGetServed('/workspaces', {}, readWorkspacesAnswer, { purpose: 'page' });
    expect(served.waitedMs).toBe(4200);
    expect(served.fromCache).toBe(true);
    // Mailstand answered 25 s before it arrived here, which was after `before`.
    expect(before - served.asOf).toBeGreaterThan(24_000);
    expect(before - served.asOf).toBeLessThanOrEqual(25_000);
  });

  it('takes an answer without those headers as fresh and unhindered', () => {
    expect(readServed(new Headers(), 1000)).toEqual({ waitedMs: 0, asOf: 1000, fromCache: false });
    expect(readServed(new Headers({ Age: 'old', 'X-Rate-Limit-Waited-Ms': '-3' }), 1000)).toEqual({
      waitedMs: 0,
      asOf: 1000,
      fromCache: false,
    });
  });
});

describe('apiGet on Mailstand errors, told apart by label', () => {
  const cases: Array<[string, number, string, ApiErrorKind, string]> = [
    ['a refused key', 401, 'Unauthorized Permission', 'unauthorized', 'MAILSTAND_API_KEY'],
    ['an unacceptable request', 401, 'API Connection Error', 'bad-request', 'API Connection Error'],
    ['an empty account', 429, 'Too Many Requests', 'out-of-credits', 'out of API credits'],
    ['a missing record', 400, 'Missing Record', 'not-found', 'no such record'],
    ['a failed validation', 400, 'Failed Validation', 'bad-request', 'Failed Validation'],
    ['a general error sent as 500', 500, 'Bad Request', 'server', 'usually temporary'],
  ];
  it.each(cases)('reports %s (%i %s) as %s', async (_name, status, label, kind, words) => {
    upstream.handle((_request, response) =>
      sendJson(response, status, errorBody(status, label, 'Details here.')),
    );
    const error = await failure();
    expect(error).toMatchObject({ kind, status, label, detail: 'Details here.', retryAfterMs: null });
    expect(error.message).toContain(words);
    expect(upstream.requests).toHaveLength(1);
  });

  it('reads the first of an array of errors', async () => {
    upstream.handle((_request, response) =>
      sendJson(response, 400, [
        errorBody(400, 'Missing Fields', 'Your request is missing the following keys: workspace'),
      ]),
    );
    const error = await failure();
    expect(error.kind).toBe('bad-request');
    expect(error.message).toContain('missing the following keys: workspace');
  });

  it('waits as long as Retry-After says when rate limited', async () => {
    upstream.handle((_request, response) =>
      sendJson(response, 429, errorBody(429, 'Rate Limited', 'Slow down'), { 'Retry-After': '7' }),
    );
    const error = await failure();
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000 });
    expect(error.message).toContain('Mailstand asked us to slow down');
  });

  it('reads the server’s 503 for a queue too long as a wait, in its own words', async () => {
    upstream.handle((_request, response) =>
      sendJson(response, 503, errorBody(503, 'Rate Limited', '40 requests are waiting.'), {
        'Retry-After': '4',
      }),
    );
    const error = await failure();
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 4000 });
    expect(error.message).toContain("waiting for Mailstand's rate limit on the server");
  });

  it('reads Retry-After as an HTTP date', async () => {
    const inThirtySeconds = new Date(Date.now() + 30_000).toUTCString();
    upstream.handle((_request, response) =>
      sendJson(response, 429, errorBody(429, 'Rate Limited', 'Slow down'), {
        'Retry-After': inThirtySeconds,
      }),
    );
    const { retryAfterMs } = await failure();
    // The header has whole seconds, so up to a second less than 30 s remains.
    expect(retryAfterMs).toBeGreaterThan(28_000);
    expect(retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('waits a full window when rate limited without Retry-After', async () => {
    upstream.handle((_request, response) =>
      sendJson(response, 429, errorBody(429, 'Rate Limited', 'Slow down')),
    );
    expect((await failure()).retryAfterMs).toBe(DEFAULT_RATE_LIMIT_WAIT_MS);
  });

  it('reports a proxy’s HTML error page by its status', async () => {
    upstream.handle((_request, response) => {
      response.writeHead(502, { 'Content-Type': 'text/html' });
      response.end('<html><body>Bad Gateway</body></html>');
    });
    const error = await failure();
    expect(error).toMatchObject({ kind: 'server', status: 502, label: null });
    expect(error.message).toContain('HTTP 502 Bad Gateway');
  });

  it('reports an unlabelled 404 as a refused request', async () => {
    upstream.handle((_request, response) => {
      response.writeHead(404);
      response.end();
    });
    expect(await failure()).toMatchObject({ kind: 'bad-request', status: 404, label: null });
  });
});

describe('apiGet on responses that break the contract', () => {
  it('names the part of the envelope that does not match', async () => {
    const body = z.record(z.string(), z.unknown()).parse(example('contacts-list'));
    upstream.handle((_request, response) => sendJson(response, 200, { ...body, total_found: 'many' }));
    const error = await failure('/contacts', readContactsPageAnswer);
    expect(error.kind).toBe('contract');
    expect(error.message).toBe('Unexpected response from Mailstand: total_found: expected a count, got text');
  });

  it('reads a page whose records drift, naming what drifted', async () => {
    const body = example('contacts-list');
    const rows = z.object({ data: z.array(z.record(z.string(), z.unknown())) }).parse(body).data;
    const drifted = {
      ...z.record(z.string(), z.unknown()).parse(body),
      data: [rows[0], { ...rows[0], id: 42, last_sent: '2024-03-05T10:00:00Z' }],
    };
    upstream.handle((_request, response) => sendJson(response, 200, drifted));
    const page = await apiGet('/contacts', {}, readContactsPageAnswer, { purpose: 'page' });
    expect(page.data.map((contact) => [contact.id, contact.last_sent])).toEqual([
      ['contact_m9kq9mLiHgwlGTJxrkh6z3nBL', null],
      ['42', Date.UTC(2024, 2, 5, 10) / 1000],
    ]);
    expect(page.drift).toEqual([
      { field: 'id', form: 'number', count: 1, example: 'data[1].id' },
      { field: 'last_sent', form: 'ISO 8601', count: 1, example: 'data[1].last_sent' },
    ]);
  });

  it.each([
    ['HTML', '<!doctype html><p>Welcome</p>', 'the response was not JSON'],
    ['an empty body', '', 'the response was empty'],
  ])('refuses %s where JSON was expected', async (_name, text, words) => {
    upstream.handle((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(text);
    });
    const error = await failure('/workspaces', readWorkspacesAnswer);
    expect(error).toMatchObject({ kind: 'contract', status: 200 });
    expect(error.message).toBe(`Unexpected response from Mailstand: ${words}.`);
  });
});

describe('apiGet when the connection fails', () => {
  it('reports a refused connection as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    configureApiClient({ base: `http://127.0.0.1:${address.port}` });
    try {
      expect(await failure()).toMatchObject({ kind: 'network', status: null });
    } finally {
      configureApiClient({ base: upstream.base });
    }
  });

  it('reports a connection dropped mid-body as a network error', async () => {
    upstream.handle((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      response.write('{"status":"ok","data":[', () => response.destroy());
    });
    const error = await failure();
    expect(error).toMatchObject({ kind: 'network', status: 200 });
    expect(error.message).toContain('connection dropped');
  });
});

describe('apiGet when aborted', () => {
  it('rejects with the AbortError itself, not an ApiError, and the server sees the request go', async () => {
    let closed: Promise<void> = Promise.reject(new Error('no request arrived'));
    closed.catch(() => undefined);
    const arrived = new Promise<void>((resolve) =>
      upstream.handle((request) => {
        closed = new Promise((done) => request.socket.once('close', () => done()));
        resolve();
      }),
    );
    const controller = new AbortController();
    const pending = apiGet('/contacts', {}, anything, { purpose: 'page', signal: controller.signal });
    await arrived;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pending).rejects.not.toBeInstanceOf(ApiError);
    await closed;
  });
});

describe('describeApiError', () => {
  it('gives each kind a title and says whether waiting can help', () => {
    const unauthorized = describeApiError(new ApiError('unauthorized', 'Check MAILSTAND_API_KEY.'));
    expect(unauthorized).toEqual({
      title: 'API key refused',
      message: 'Check MAILSTAND_API_KEY.',
      retryable: false,
    });
    expect(describeApiError(new ApiError('out-of-credits', 'm')).retryable).toBe(false);
    expect(describeApiError(new ApiError('contract', 'm')).title).toBe('Unexpected response');
    expect(describeApiError(new ApiError('network', 'm'))).toMatchObject({
      title: 'Cannot reach the server',
      retryable: true,
    });
    expect(describeApiError(new ApiError('rate-limited', 'm', { retryAfterMs: 1000 })).retryable).toBe(true);
  });

  it('describes errors that are not from the API', () => {
    expect(describeApiError(new TypeError('x is undefined'))).toEqual({
      title: 'Something went wrong',
      message: 'x is undefined',
      retryable: true,
    });
  });

  it('speaks of a retry only for rate limits', () => {
    const error = new ApiError('rate-limited', 'm', { retryAfterMs: 12_000 });
    expect(describeRetryWait(error, (error.retryAt ?? 0) - 11_500)).toBe(
      'Mailstand asked us to slow down; retrying in 12 s.',
    );
    expect(describeRetryWait(error, (error.retryAt ?? 0) + 1)).toBe('Retrying now…');
    expect(describeRetryWait(new ApiError('server', 'm'))).toBeNull();
  });
});
