import { describe, expect, it } from 'vitest';
import { CANARY, serveProxy, useProxyUnderTest } from '../testing/proxy-under-test';

const { served, get, expectKeyNowhere } = useProxyUnderTest();

describe("the key's budget", () => {
  it('waits out a Rate Limited answer it did not foresee and sends the call again, saying how long it waited', async () => {
    served.upstream.respond((_req, res) => {
      const first = served.upstream.received.length === 1;
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
    const own = await serveProxy(served.upstream.url, 5000, served.logLines, {
      RATE_LIMIT_MAX_WAIT_MS: '5000',
    });
    try {
      const response = await fetch(`${own.url}/api/workspaces`);
      const text = await response.text();
      served.seen.push(text);
      expect(response.status).toBe(200);
      expect(text).toBe('{"status":"ok","data":[]}');
      expect(served.upstream.received).toHaveLength(2);
      expect(Number(response.headers.get('x-rate-limit-waited-ms'))).toBeGreaterThanOrEqual(1000);
    } finally {
      await own.close();
    }
  });

  it('relays a Rate Limited answer whose Retry-After is longer than a request may wait, and answers the next 503 at once', async () => {
    const body = JSON.stringify({ statusCode: 429, error: 'Rate Limited', message: 'Slow down' });
    served.upstream.respond((_req, res) => {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
      res.end(body);
    });
    const own = await serveProxy(served.upstream.url, 5000, served.logLines, {
      RATE_LIMIT_MAX_WAIT_MS: '1000',
    });
    try {
      const first = await fetch(`${own.url}/api/workspaces`);
      const firstText = await first.text();
      expect(first.status).toBe(429);
      expect(firstText).toBe(body);
      expect(first.headers.get('retry-after')).toBe('7');
      expect(served.upstream.received).toHaveLength(1);

      // Meanwhile everything else waits for the pause too, and is told so at once.
      const next = await fetch(`${own.url}/api/campaigns?workspace=space_1`);
      const nextText = await next.text();
      served.seen.push(firstText, nextText);
      expect(next.status).toBe(503);
      expect(Number(next.headers.get('retry-after'))).toBeGreaterThanOrEqual(5);
      expect(JSON.parse(nextText)).toMatchObject({
        statusCode: 503,
        error: 'Rate Limited',
        message: expect.stringMatching(/Mailstand's rate limit.*Try again in \d+ s\./),
      });
      expect(served.upstream.received).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});

describe('the API key', () => {
  it('is redacted when an upstream error body echoes it', async () => {
    served.upstream.respond((req, res) => {
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
    expect(served.logLines.some((line) => line.includes('MAILSTAND_API_KEY'))).toBe(true);
  });

  it('appears in no response, header or log line of this file', () => expectKeyNowhere(4));
});
