import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseEnv } from './env';
import { startServer } from './server';
import { startFakeUpstream, type FakeUpstream } from './testing/fake-upstream';

let dist: string;
let upstream: FakeUpstream;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'graceful-dist-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Mailstand Contacts</title>');
  upstream = await startFakeUpstream();
});

afterAll(async () => {
  await upstream.close();
  rmSync(dist, { recursive: true });
});

it('answers a request that arrives on a busy connection during shutdown, instead of crashing', async () => {
  // Found by the load test: a request read from a busy connection after close() began reached a
  // handler that answers at once (/healthz here, the embedded sandbox in general), and the shutdown
  // hook then set a header on an answer already sent: an uncaught exception that killed the process.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  upstream.respond((_req, res) => {
    void held.then(() => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"ok","data":[]}');
    });
  });
  const server = await startServer({
    config: parseEnv({ PORT: '0', MAILSTAND_API_KEY: 'key_graceful_test', MAILSTAND_API_URL: upstream.url }),
    app: { kind: 'dist', dir: dist },
    log: () => {},
  });
  const { hostname, port } = new URL(server.url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  const ended = new Promise((resolve) => socket.on('close', resolve));
  socket.write(`GET /api/workspaces HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
  while (upstream.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));

  const closed = server.close();
  // A second request on the same busy connection, read while the server is already closing.
  socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
  await new Promise((resolve) => setTimeout(resolve, 100));
  release();
  await closed;
  await ended;

  // Not anchored to a line start: a body with a Content-Length ends without a line break.
  expect(received.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
  expect(received).toContain('{"status":"ok","mode":"live"}');
});
