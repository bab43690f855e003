import { serve } from '@hono/node-server';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../testing/raw-http';
import { createStaticSite } from './static-site';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12.js"></script></head></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

let dir: string;
let server: ReturnType<typeof serve>;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'static-site-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets', 'index-Ab12.js'), SCRIPT);
  // The copies the build writes beside each file.
  writeFileSync(path.join(dir, 'assets', 'index-Ab12.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(path.join(dir, 'assets', 'index-Ab12.js.gz'), gzipSync(SCRIPT));
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(tmpdir(), 'outside-dist.txt'), 'secret');
  const site = await createStaticSite(dir);
  server = serve({ fetch: site.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP port.');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true });
  rmSync(path.join(tmpdir(), 'outside-dist.txt'));
});

function get(urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(base + urlPath, { headers }, async (res) => {
          const chunks: Buffer[] = [];
          for await (const chunk of res) chunks.push(Buffer.from(chunk));
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        })
        .on('error', reject);
    },
  );
}

describe('serving the built app', () => {
  it('serves index.html at / without caching it', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body.toString()).toBe(INDEX);
  });

  it('caches hashed assets for a year as immutable', async () => {
    const response = await get('/assets/index-Ab12.js');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body.toString()).toBe(SCRIPT);
  });

  it('sends brotli or gzip as the browser accepts, with Vary', async () => {
    const br = await get('/assets/index-Ab12.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);

    const gzip = await get('/assets/index-Ab12.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
  });

  it('falls back to index.html for app routes', async () => {
    for (const route of ['/contacts', '/some/deep/route?workspace=space_1', '/index.html']) {
      const response = await get(route);
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe(INDEX);
    }
  });

  it('answers 404 for a missing asset instead of HTML', async () => {
    const response = await get('/assets/index-Gone.js');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('never reads outside dist/', async () => {
    for (const line of [
      'GET /../outside-dist.txt HTTP/1.1',
      'GET /%2e%2e/outside-dist.txt HTTP/1.1',
      'GET /assets/..%2f..%2foutside-dist.txt HTTP/1.1',
    ]) {
      const response = await rawRequest(base, line);
      expect(response.body).not.toContain('secret');
    }
  });

  it('answers 304 when the browser already holds the current version', async () => {
    const first = await get('/');
    const again = await get('/', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers 405 to methods other than GET and HEAD', async () => {
    const response = await rawRequest(base, 'POST / HTTP/1.1\r\nContent-Length: 0');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('createStaticSite', () => {
  it('says how to build when index.html is missing', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'static-empty-'));
    try {
      await expect(createStaticSite(empty)).rejects.toThrow('npm run build');
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

describe('precompressed copies', () => {
  it('are never served as pages of their own', async () => {
    const asPage = await get('/assets/index-Ab12.js.br');
    expect(asPage.status).toBe(404);
    expect(asPage.body.toString()).toContain('reload the page');
  });
});
