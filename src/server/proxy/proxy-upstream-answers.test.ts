import { describe, expect, it } from 'vitest';
import { startFakeUpstream } from '../testing/fake-upstream';
import { serveProxy, useProxyUnderTest } from '../testing/proxy-under-test';

const { served, get, expectKeyNowhere } = useProxyUnderTest();

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
    served.upstream.respond((_req, res) => {
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
    served.upstream.respond((_req, res) => {
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
    const unreachable = await serveProxy(unreachableUrl, 2000, served.logLines);
    try {
      const response = await fetch(`${unreachable.url}/api/workspaces`);
      const body: unknown = await response.json();
      served.seen.push(JSON.stringify(body));
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
    served.upstream.respond((req, res) => {
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
    expect(served.upstream.received).toHaveLength(3);
  });

  it('answers 504 when the upstream is slower than the limit, and aborts the upstream request', async () => {
    const upstreamGaveUp = new Promise<void>((resolve) => {
      served.upstream.respond((req) => req.socket.on('close', () => resolve()));
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
    served.upstream.respond((_req, res) => {
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

  /** Asks for a page and hangs up once the upstream has it; resolves when the upstream saw the hang-up. */
  async function browserGoesAway({ answerBegun }: { answerBegun: boolean }) {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    let asked!: () => void;
    const upstreamAsked = new Promise<void>((resolve) => (asked = resolve));
    served.upstream.respond((_req, res) => {
      if (answerBegun) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"status":"ok","data":[');
      }
      res.on('close', () => upstreamClosed());
      asked();
    });
    const controller = new AbortController();
    const request = fetch(`${served.base}/api/contacts?workspace=space_1`, { signal: controller.signal });
    await upstreamAsked;
    controller.abort();
    await expect(request).rejects.toThrow();
    await closed;
  }

  it('aborts the upstream request when the browser goes away', async () => {
    await browserGoesAway({ answerBegun: true });
  });

  it('logs no 502 for a browser that went away before the upstream answered', async () => {
    const errorLines = () => served.logLines.filter((line) => / -> 50[24]: /.test(line)).length;
    const before = errorLines();
    await browserGoesAway({ answerBegun: false });
    // The proxy hears of the cut-off upstream request a turn or two after the upstream does: a
    // whole request made after it is answered only once that has happened.
    served.upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"ok","data":[]}');
    });
    expect((await get('/api/workspaces')).response.status).toBe(200);
    expect(errorLines()).toBe(before);
  });
});

it('shows the key in no response, header or log line of this file', () => expectKeyNowhere(10));
