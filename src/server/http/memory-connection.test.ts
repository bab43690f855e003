import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySocket } from './memory-connection';

let server: http.Server | null = null;

afterEach(() => {
  server?.closeAllConnections();
  server = null;
});

/** A real HTTP server and client talking over one in-memory connection. */
function request(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const internal = http.createServer(handler);
  server = internal;
  return http.request('http://sandbox.internal/x', {
    createConnection: () => {
      const [client, serverEnd] = MemorySocket.pair();
      internal.emit('connection', serverEnd);
      return client;
    },
  });
}

function bodyOf(response: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
    response.on('aborted', () => reject(new Error('aborted')));
  });
}

describe('MemorySocket', () => {
  it('carries a 3 MB answer whole, written in pieces', async () => {
    const rows = Buffer.alloc(3_000_000, 'x');
    const req = request((_req, res) => {
      res.writeHead(200, { 'Content-Length': rows.length + 2 });
      res.write('[');
      res.write(rows);
      res.end(']');
    });
    const response = await new Promise<IncomingMessage>((resolve) => req.on('response', resolve).end());
    const body = await bodyOf(response);
    expect(response.statusCode).toBe(200);
    expect(body.length).toBe(rows.length + 2);
    expect(body.subarray(0, 1).toString()).toBe('[');
    expect(body.subarray(-1).toString()).toBe(']');
  });

  it('breaks the client off when the server closes mid-body, so a cut-off body is never taken as whole', async () => {
    const req = request((_req, res) => {
      res.writeHead(200, { 'Content-Length': 1000 });
      res.write('{"data":[');
      setImmediate(() => res.destroy());
    });
    req.on('error', () => undefined);
    const response = await new Promise<IncomingMessage>((resolve) => req.on('response', resolve).end());
    await expect(bodyOf(response)).rejects.toThrow();
  });

  it('tells the server when the client goes away', async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    const req = request((_req, res) => {
      res.on('close', closed);
      res.writeHead(200, { 'Content-Length': 1000 });
      res.write('{');
    });
    req.on('response', () => req.destroy());
    req.on('error', () => undefined);
    req.end();
    await serverSawClose;
  });

  it('times out a request whose answer stalls, as over a network socket', async () => {
    const req = request((_req, res) => {
      res.writeHead(200, { 'Content-Length': 1000 });
      res.write('{');
    });
    const failed = new Promise<Error>((resolve) => req.on('error', resolve));
    req.setTimeout(50, () => req.destroy(new Error('the body stalled')));
    req.end();
    expect((await failed).message).toBe('the body stalled');
  });
});
