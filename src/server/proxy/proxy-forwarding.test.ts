import http from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CANARY_BASIC, useProxyUnderTest } from '../testing/proxy-under-test';

const { served, get, raw, expectKeyNowhere } = useProxyUnderTest();

describe('forwarding an allowed call', () => {
  it('adds the key as Basic auth and sends none of the browser credentials', async () => {
    const { response } = await get('/api/workspaces', {
      Authorization: 'Basic YnJvd3NlcjpzZWNyZXQ=',
      Cookie: 'session=browser-cookie',
      'X-Forwarded-For': '10.0.0.1',
    });
    expect(response.status).toBe(200);
    expect(served.upstream.received).toHaveLength(1);
    const [request] = served.upstream.received;
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
    expect(served.upstream.received.map((request) => request.url)).toEqual([
      '/v1/contacts?display=2000&page=3&search=a%2Bb%40x&stage=Do%20Not%20Contact&workspace=space_1',
      '/v1/contacts/contact_abc123',
      '/v1/workspaces/space_1/all-fields',
      '/v1/campaigns?display=100&page=1&workspace=space_1',
    ]);
  });

  it('passes the JSON body through unchanged, compressed as the browser asks, on this machine too', async () => {
    const body = JSON.stringify({
      status: 'ok',
      data: Array.from({ length: 500 }, (_, i) => ({ id: `contact_${i}` })),
    });
    served.upstream.respond((_req, res) => {
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
          `${served.base}/api/contacts?workspace=space_1`,
          { headers: { 'Accept-Encoding': accept } },
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

  it('decodes a gzip body from the upstream', async () => {
    served.upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync('{"status":"ok","data":[{"id":"space_1"}]}'));
    });
    const { text } = await get('/api/workspaces');
    expect(JSON.parse(text)).toEqual({ status: 'ok', data: [{ id: 'space_1' }] });
  });

  it('never passes Set-Cookie or other upstream headers back', async () => {
    served.upstream.respond((_req, res) => {
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

describe('cutting a contacts page down to the fields the app asks for', () => {
  const page = {
    status: 'ok',
    data: [
      { id: 'contact_1', email: 'a@example.com', stage: 'Replied', city: 'Oslo', title: 'CTO' },
      { id: 'contact_2', email: 'b@example.com', stage: null, city: 'Rome', title: null },
    ],
    total_found: 2,
    current_page: 1,
    total_pages: 1,
  };
  const answerPage = () =>
    served.upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(page));
    });

  it('asks upstream without fields, answers with only those fields, and keeps the whole page for the rest', async () => {
    answerPage();
    const projected = await get('/api/contacts?workspace=space_1&fields=id,email,city&page=1');
    expect(projected.response.status).toBe(200);
    expect(JSON.parse(projected.text)).toEqual({
      ...page,
      data: [
        { id: 'contact_1', email: 'a@example.com', city: 'Oslo' },
        { id: 'contact_2', email: 'b@example.com', city: 'Rome' },
      ],
    });
    // Another field set and the whole page ask upstream the same question (one cache entry).
    const other = await get('/api/contacts?page=1&workspace=space_1&fields=title,id');
    expect(JSON.parse(other.text)).toMatchObject({
      data: [
        { id: 'contact_1', title: 'CTO' },
        { id: 'contact_2', title: null },
      ],
    });
    const whole = await get('/api/contacts?page=1&workspace=space_1');
    expect(JSON.parse(whole.text)).toEqual(page);
    expect(served.upstream.received.map((request) => request.url)).toEqual(
      Array(3).fill('/v1/contacts?page=1&workspace=space_1'),
    );
  });

  it('relays an error answer as it is', async () => {
    served.upstream.respond((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"statusCode":404,"error":"Missing Record","message":"No such workspace."}');
    });
    const { response, text } = await get('/api/contacts?workspace=space_9&fields=id,email');
    expect(response.status).toBe(404);
    expect(JSON.parse(text)).toMatchObject({ error: 'Missing Record' });
  });

  it('refuses an unknown field with 400, before asking upstream', async () => {
    const { response, text } = await get('/api/contacts?workspace=space_1&fields=id,password');
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toEqual({
      statusCode: 400,
      error: 'Invalid Request',
      message: expect.stringContaining('"password", which no contact has'),
    });
    expect(served.upstream.received).toHaveLength(0);
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
    expect(served.upstream.received).toHaveLength(0);
  });

  it("leaves a backslash in the path to Node's parser, which refuses it before any handler runs", async () => {
    const response = await raw('GET /api/contacts\\..\\workspaces HTTP/1.1');
    expect(response.status).toBe(400);
    expect(served.upstream.received).toHaveLength(0);
  });

  it('answers 414 for an oversized query string', async () => {
    const response = await raw(`GET /api/contacts?search=${'a'.repeat(5000)} HTTP/1.1`);
    expect(response.status).toBe(414);
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 414, error: 'URI Too Long' });
    expect(served.upstream.received).toHaveLength(0);
  });

  it('refuses a GET that carries a body', async () => {
    const response = await raw('GET /api/contacts HTTP/1.1\r\nContent-Length: 13', '{"page":"99"}');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ message: expect.stringContaining('body') });
    expect(served.upstream.received).toHaveLength(0);
  });
});

it('shows the key in no response, header or log line of this file', () => expectKeyNowhere(20));
