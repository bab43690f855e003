import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { rawRequest } from '../testing/raw-http';
import { parseEnv } from '../env';
import { startServer } from '../server';

const CANARY = 'key_CANARY_1234567890';
const CANARY_BASIC = Buffer.from(`${CANARY}:`).toString('base64');

let upstream: FakeUpstream;
let proxy: ServedProxy;
let base: string;
const logLines: string[] = [];
/** Every byte any test received from the proxy, for the leak check at the end. */
const seen: string[] = [];

interface ServedProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * The whole server in live mode, in front of Mailstand at `apiUrl`, on a stand-in for Vite's
 * output. No cache unless `env` asks for one: each test sees what its own request makes of the upstream.
 */
async function serveProxy(
  apiUrl: string,
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<ServedProxy> {
  const dist = mkdtempSync(path.join(tmpdir(), 'proxy-dist-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Mailstand Contacts</title>');
  const server = await startServer({
    config: parseEnv({
      PORT: '0',
      MAILSTAND_API_KEY: CANARY,
      MAILSTAND_API_URL: apiUrl,
      UPSTREAM_TIMEOUT_MS: String(timeoutMs),
      CACHE_MAX_MB: '0',
      ...env,
    }),
    app: { kind: 'dist', dir: dist },
    log: (line) => logLines.push(line),
    shutdownGraceMs: 0,
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dist, { recursive: true });
    },
  };
}

beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = await serveProxy(`${upstream.url}/v1/`, 300);
  base = proxy.url;
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

afterEach(() => {
  upstream.received.length = 0;
  upstream.respond((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"status":"ok","data":[]}');
  });
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers });
  const text = await response.text();
  seen.push(text, JSON.stringify([...response.headers]));
  return { response, text };
}

async function raw(requestHead: string, body = '') {
  const response = await rawRequest(base, requestHead, body);
  seen.push(response.raw);
  return response;
}

describe('forwarding an allowed call', () => {
  it('adds the key as Basic auth and sends none of the browser credentials', async () => {
    const { response } = await get('/api/workspaces', {
      Authorization: 'Basic YnJvd3NlcjpzZWNyZXQ=',
      Cookie: 'session=browser-cookie',
      'X-Forwarded-For': '10.0.0.1',
    });
    expect(response.status).toBe(200);
    expect(upstream.received).toHaveLength(1);
    const [request] = upstream.received;
    expect(request?.url).toBe('/v1/workspaces');
    expect(request?.headers.authorization).toBe(`Basic ${CANARY_BASIC}`);
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers['x-forwarded-for']).toBeUndefined();
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual([
      'accept',
      'accept-encoding',
      // fetch's own, the same for every request: they tell the upstream nothing about the browser.
      'accept-language',
      'authorization',
      'connection',
      'host',
      'sec-fetch-mode',
      'user-agent',
    ]);
  });

  it('forwards the query parameters (sorted by name: one spelling per question) and ids', async () => {
    await get('/api/contacts?workspace=space_1&stage=Do+Not+Contact&search=a%2Bb%40x&display=2000&page=3');
    await get('/api/contacts/contact_abc123');
    await get('/api/workspaces/space_1/all-fields');
    await get('/api/campaigns?workspace=space_1&page=1&display=100');
    expect(upstream.received.map((request) => request.url)).toEqual([
      '/v1/contacts?display=2000&page=3&search=a%2Bb%40x&stage=Do%20Not%20Contact&workspace=space_1',
      '/v1/contacts/contact_abc123',
      '/v1/workspaces/space_1/all-fields',
      '/v1/campaigns?display=100&page=1&workspace=space_1',
    ]);
  });

  it('passes the JSON body through unchanged, compressed as a browser behind a reverse proxy asks', async () => {
    const body = JSON.stringify({
      status: 'ok',
      data: Array.from({ length: 500 }, (_, i) => ({ id: `contact_${i}` })),
    });
    upstream.respond((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': body.length,
      });
      res.end(body);
    });
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['identity', undefined, (buffer: Buffer) => buffer],
    ] as const) {
      const response = await new Promise<http.IncomingMessage>((resolve) =>
        http.get(
          `${base}/api/contacts?workspace=space_1`,
          { headers: { 'Accept-Encoding': accept, 'X-Forwarded-For': '203.0.113.7' } },
          resolve,
        ),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(Buffer.from(chunk));
      expect(response.headers['content-encoding']).toBe(encoding);
      const received = Buffer.concat(chunks);
      expect(response.headers['content-length']).toBe(String(received.length));
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(decode(received).toString()).toBe(body);
    }
  });

  it('never compresses for a browser on this machine, whatever it accepts', async () => {
    const body = JSON.stringify({ status: 'ok', data: Array.from({ length: 500 }, (_, i) => ({ id: i })) });
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
      res.end(body);
    });
    const response = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(
        `${base}/api/contacts?workspace=space_1`,
        { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } },
        resolve,
      ),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(Buffer.from(chunk));
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-length']).toBe(String(body.length));
    expect(Buffer.concat(chunks).toString()).toBe(body);
  });

  it('decodes a gzip body from the upstream', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync('{"status":"ok","data":[{"id":"space_1"}]}'));
    });
    const { text } = await get('/api/workspaces');
    expect(JSON.parse(text)).toEqual({ status: 'ok', data: [{ id: 'space_1' }] });
  });

  it('never passes Set-Cookie or other upstream headers back', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Set-Cookie': 'tracker=1; Path=/',
        'X-Powered-By': 'upstream',
        'Access-Control-Allow-Origin': '*',
      });
      res.end('{"status":"ok","data":[]}');
    });
    const { response } = await get('/api/workspaces');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the allowlist, on raw request lines', () => {
  it.each([
    ['GET /api/../secret HTTP/1.1', 400],
    ['GET /api/%2e%2e/workspaces HTTP/1.1', 400],
    ['GET /api/%2E%2E/workspaces HTTP/1.1', 400],
    ['GET /api/contacts%2f..%2fworkspaces HTTP/1.1', 400],
    ['GET /api/contacts%2F HTTP/1.1', 400],
    ['GET /api/%252e%252e/admin HTTP/1.1', 400],
    ['GET /api//contacts HTTP/1.1', 400],
    ['GET /api/contacts/../workspaces HTTP/1.1', 400],
    ['GET /api/contacts/..%2fworkspaces HTTP/1.1', 400],
    ['GET /api/contacts\\..\\workspaces HTTP/1.1', 400],
    ['GET /api/contacts/x@evil.example HTTP/1.1', 400],
    ['GET /api/@evil.example/contacts HTTP/1.1', 400],
    ['GET /api/contacts?search=a%0d%0aX-Injected:%201 HTTP/1.1', 400],
    ['GET /api/contacts?search=%00 HTTP/1.1', 400],
    ['GET /api/admin HTTP/1.1', 404],
    ['GET /api/contacts/ HTTP/1.1', 404],
    ['GET /api HTTP/1.1', 404],
    ['POST /api/contacts HTTP/1.1', 405],
    ['PUT /api/contacts/contact_1 HTTP/1.1', 405],
    ['DELETE /api/contacts/contact_1 HTTP/1.1', 405],
    ['PATCH /api/contacts HTTP/1.1', 405],
    ['OPTIONS /api/contacts HTTP/1.1', 405],
    ['HEAD /api/workspaces HTTP/1.1', 405],
  ])('%s -> %i without calling the upstream', async (line, status) => {
    const response = await raw(line);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    if (line.startsWith('HEAD')) return;
    const body: unknown = JSON.parse(response.body);
    expect(body).toMatchObject({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
    });
    if (status === 405) expect(response.headers.get('allow')).toBe('GET');
    expect(upstream.received).toHaveLength(0);
  });

  it('answers 414 for an oversized query string', async () => {
    const response = await raw(`GET /api/contacts?search=${'a'.repeat(5000)} HTTP/1.1`);
    expect(response.status).toBe(414);
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 414, error: 'URI Too Long' });
    expect(upstream.received).toHaveLength(0);
  });

  it('refuses a GET that carries a body', async () => {
    const response = await raw('GET /api/contacts HTTP/1.1\r\nContent-Length: 13', '{"page":"99"}');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ message: expect.stringContaining('body') });
    expect(upstream.received).toHaveLength(0);
  });
});

describe('upstream answers', () => {
  it.each([
    [
      400,
      {
        statusCode: 400,
        error: 'Missing Fields',
        message: 'Your request is missing the following keys: workspace',
      },
      null,
    ],
    [401, { statusCode: 401, error: 'Unauthorized Permission', message: 'Invalid API key' }, null],
    [429, [{ statusCode: 429, error: 'Too Many Requests', message: 'Out of credits' }], null],
    [500, { statusCode: 500, error: 'Bad Request', message: 'Something broke' }, null],
  ])('passes HTTP %i and its body through unchanged', async (status, body, retryAfter) => {
    const text = JSON.stringify(body);
    upstream.respond((_req, res) => {
      res.writeHead(status, {
        'Content-Type': 'application/json',
        ...(retryAfter === null ? {} : { 'Retry-After': retryAfter }),
      });
      res.end(text);
    });
    const result = await get('/api/contacts?workspace=space_1&display=1&page=1');
    expect(result.response.status).toBe(status);
    expect(result.text).toBe(text);
    expect(result.response.headers.get('retry-after')).toBe(retryAfter);
  });

  it.each([
    [
      'an HTML error page from a gateway',
      502,
      { 'Content-Type': 'text/html' },
      '<html><body>Bad gateway</body></html>',
    ],
    ['HTML labelled as JSON', 200, { 'Content-Type': 'application/json' }, '<html>oops</html>'],
    ['an empty body', 200, { 'Content-Type': 'application/json' }, ''],
    ['no content type', 200, {}, '{"status":"ok"}'],
    ['an error status with invalid JSON', 503, { 'Content-Type': 'application/json' }, 'Service Unavailable'],
    [
      'an unknown content encoding',
      200,
      { 'Content-Type': 'application/json', 'Content-Encoding': 'zstd' },
      '{}',
    ],
  ])('turns %s into a 502 in Mailstand’s error shape', async (_name, status, headers, body) => {
    upstream.respond((_req, res) => {
      res.writeHead(status, headers);
      res.end(body);
    });
    const { response, text } = await get('/api/workspaces');
    expect(response.status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({
      statusCode: 502,
      error: 'Bad Gateway',
      message: expect.stringContaining('Check MAILSTAND_API_URL'),
    });
  });

  it('answers 502 naming what to check when the upstream cannot be reached', async () => {
    const closed = await startFakeUpstream();
    const unreachableUrl = closed.url;
    await closed.close();
    const unreachable = await serveProxy(unreachableUrl, 2000);
    try {
      const response = await fetch(`${unreachable.url}/api/workspaces`);
      const body: unknown = await response.json();
      seen.push(JSON.stringify(body));
      expect(response.status).toBe(502);
      expect(body).toMatchObject({
        error: 'Bad Gateway',
        message: expect.stringMatching(/ECONNREFUSED.*MAILSTAND_API_URL/),
      });
    } finally {
      await unreachable.close();
    }
  });

  it('sends the request again when the upstream closed the kept-alive connection it went out on', async () => {
    // As an upstream whose keep-alive timeout ends just as the proxy reuses the connection: the
    // request arrives on a connection that answered before, and the connection closes unanswered.
    const answered = new WeakSet<object>();
    upstream.respond((req, res) => {
      if (answered.has(req.socket)) {
        req.socket.destroy();
        return;
      }
      answered.add(req.socket);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"ok","data":[]}');
    });
    expect((await get('/api/workspaces')).response.status).toBe(200);
    const { response, text } = await get('/api/workspaces');
    expect(response.status).toBe(200);
    expect(text).toBe('{"status":"ok","data":[]}');
    expect(upstream.received).toHaveLength(3);
  });

  it('answers 504 when the upstream is slower than the limit, and aborts the upstream request', async () => {
    const upstreamGaveUp = new Promise<void>((resolve) => {
      upstream.respond((req) => req.socket.on('close', () => resolve()));
    });
    const { response, text } = await get('/api/contacts?workspace=space_1');
    expect(response.status).toBe(504);
    expect(JSON.parse(text)).toMatchObject({
      error: 'Gateway Timeout',
      message: expect.stringContaining('UPSTREAM_TIMEOUT_MS'),
    });
    await upstreamGaveUp;
  });

  it('answers 502 when the upstream drops mid-body, so a partial page is never taken as whole', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"status":"ok","data":[' + '{"id":"contact_1"},'.repeat(5000));
      setImmediate(() => res.destroy());
    });
    const { response, text } = await get('/api/contacts?workspace=space_1');
    expect(response.status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({
      error: 'Bad Gateway',
      message: expect.stringContaining('broke before its answer was complete'),
    });
  });

  it('aborts the upstream request when the browser goes away', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    let asked!: () => void;
    const upstreamAsked = new Promise<void>((resolve) => (asked = resolve));
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"status":"ok","data":[');
      res.on('close', () => upstreamClosed());
      asked();
    });
    const controller = new AbortController();
    const request = fetch(`${base}/api/contacts?workspace=space_1`, { signal: controller.signal });
    await upstreamAsked;
    controller.abort();
    await expect(request).rejects.toThrow();
    await closed;
  });

  it('logs no 502 for a browser that went away before the upstream answered', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    let asked!: () => void;
    const upstreamAsked = new Promise<void>((resolve) => (asked = resolve));
    upstream.respond((_req, res) => {
      res.on('close', () => upstreamClosed());
      asked();
    });
    const errorLines = () => logLines.filter((line) => / -> 50[24]: /.test(line)).length;
    const before = errorLines();
    const controller = new AbortController();
    const request = fetch(`${base}/api/contacts?workspace=space_1`, { signal: controller.signal });
    await upstreamAsked;
    controller.abort();
    await expect(request).rejects.toThrow();
    await closed;
    // The proxy hears of the cut-off upstream request a turn or two after the upstream does: a
    // whole request made after it is answered only once that has happened.
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"ok","data":[]}');
    });
    expect((await get('/api/workspaces')).response.status).toBe(200);
    expect(errorLines()).toBe(before);
  });
});

describe("the key's budget", () => {
  it('waits out a Rate Limited answer it did not foresee and sends the call again, saying how long it waited', async () => {
    upstream.respond((_req, res) => {
      const first = upstream.received.length === 1;
      res.writeHead(first ? 429 : 200, {
        'Content-Type': 'application/json',
        ...(first ? { 'Retry-After': '1' } : {}),
      });
      res.end(
        first
          ? '{"statusCode":429,"error":"Rate Limited","message":"Slow down"}'
          : '{"status":"ok","data":[]}',
      );
    });
    // A server of its own, so that the pause it is asked for holds up no other test.
    const own = await serveProxy(upstream.url, 5000, { RATE_LIMIT_MAX_WAIT_MS: '5000' });
    try {
      const response = await fetch(`${own.url}/api/workspaces`);
      const text = await response.text();
      seen.push(text);
      expect(response.status).toBe(200);
      expect(text).toBe('{"status":"ok","data":[]}');
      expect(upstream.received).toHaveLength(2);
      expect(Number(response.headers.get('x-rate-limit-waited-ms'))).toBeGreaterThanOrEqual(1000);
    } finally {
      await own.close();
    }
  });

  it('relays a Rate Limited answer whose Retry-After is longer than a request may wait, and answers the next 503 at once', async () => {
    const body = JSON.stringify({ statusCode: 429, error: 'Rate Limited', message: 'Slow down' });
    upstream.respond((_req, res) => {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
      res.end(body);
    });
    const own = await serveProxy(upstream.url, 5000, { RATE_LIMIT_MAX_WAIT_MS: '1000' });
    try {
      const first = await fetch(`${own.url}/api/workspaces`);
      const firstText = await first.text();
      expect(first.status).toBe(429);
      expect(firstText).toBe(body);
      expect(first.headers.get('retry-after')).toBe('7');
      expect(upstream.received).toHaveLength(1);

      // Meanwhile everything else waits for the pause too, and is told so at once.
      const next = await fetch(`${own.url}/api/campaigns?workspace=space_1`);
      const nextText = await next.text();
      seen.push(firstText, nextText);
      expect(next.status).toBe(503);
      expect(Number(next.headers.get('retry-after'))).toBeGreaterThanOrEqual(5);
      expect(JSON.parse(nextText)).toMatchObject({
        statusCode: 503,
        error: 'Rate Limited',
        message: expect.stringMatching(/Mailstand's rate limit.*Try again in \d+ s\./),
      });
      expect(upstream.received).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});

describe('the API key', () => {
  it('is redacted when an upstream error body echoes it', async () => {
    upstream.respond((req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          statusCode: 401,
          error: 'Unauthorized Permission',
          message: `Key ${CANARY} refused; header was ${req.headers.authorization}`,
        }),
      );
    });
    const { response, text } = await get('/api/workspaces');
    expect(response.status).toBe(401);
    expect(text).toContain('[redacted]');
    expect(logLines.some((line) => line.includes('MAILSTAND_API_KEY'))).toBe(true);
  });

  it('appears in no response, header or log line of this whole suite', () => {
    expect(seen.length).toBeGreaterThan(40);
    for (const text of [...seen, ...logLines]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(CANARY_BASIC);
    }
  });
});
