import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createAccessGate } from './access/access-gate';
import type { ServerConfig } from './env';
import { listen } from './http/listen';
import { MemorySocket } from './http/memory-connection';
import { sendError, sendJson } from './http/json-response';
import { setSecurityHeaders } from './http/security-headers';
import { createApiProxy, type ApiProxy, type Upstream } from './proxy/proxy';
import { createSandboxApi, openSandboxDatabase, SANDBOX_API_KEY } from './sandbox';
import { loadStaticSite, serveStatic } from './static/static-site';

export type AppSource = { kind: 'dist'; dir: string } | { kind: 'vite-dev'; root: string };

export interface StartOptions {
  config: ServerConfig;
  app: AppSource;
  log?: (line: string) => void;
  /** How long a shutdown waits for requests in flight before cutting them off. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  /** The address to open in a browser. */
  url: string;
  mode: 'sandbox' | 'live';
  /** The fixed key of the embedded sandbox API, or null in live mode. */
  sandboxKey: string | null;
  /** Stops accepting, lets requests in flight finish (within the grace period), then releases everything. */
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** `user` is whom the access gate let through, if there is a gate. */
type Route = (req: IncomingMessage, res: ServerResponse, user?: string) => void;

const SANDBOX_PREFIX = '/sandbox-api';
/**
 * Socket buffers big enough for a good part of a 2000-contact page (about 3 MB). With Node's
 * default of 16 KB the proxy paused and resumed the upstream for every 64 KB read, and relaying
 * one page took about 30 ms more than reading it from the sandbox directly (measured: best of
 * 40, 44 ms against 13 ms); with 1 MB it took 17 ms.
 */
const RESPONSE_HIGH_WATER_MARK = 1024 * 1024;

export async function startServer({
  config,
  app,
  log = (line) => console.error(line),
  shutdownGraceMs = 10_000,
}: StartOptions): Promise<RunningServer> {
  const dev = app.kind === 'vite-dev';
  const { source } = config;
  const cleanups: Array<() => unknown> = [];
  const release = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  try {
    let sandboxApi: Handler | null = null;
    let upstream: Upstream;
    if (source.mode === 'sandbox') {
      const db = openSandboxDatabase({
        path: source.dbPath,
        contacts: source.contacts,
        seed: source.seed,
        log,
      });
      cleanups.push(() => db.close());
      const sandbox = createSandboxApi({ db, apiKey: SANDBOX_API_KEY, rateLimit: source.rateLimit });
      const serveSandbox: Handler = (req, res) => {
        const [rawPath, query] = splitTarget(req.url ?? '');
        sandbox(req, res, rawPath.slice(SANDBOX_PREFIX.length), new URLSearchParams(query));
      };
      sandboxApi = serveSandbox;
      // The proxy reaches the sandbox over HTTP, as it reaches Mailstand, but on connections
      // inside this process: through loopback TCP, relaying a 3 MB page cost the kernel's copies
      // and 45 reads of 64 KB (each a fresh buffer, hence more major GCs). No access gate stands
      // in the way, and the public listener draining at shutdown leaves these connections open.
      const internal = http.createServer((req, res) => {
        setSecurityHeaders(res, { dev });
        if (isUnder(req.url ?? '', SANDBOX_PREFIX)) serveSandbox(req, res);
        else sendError(res, 404, 'Not Found', 'Only the sandbox API is served here.');
      });
      // Runs once the public listener has drained: whatever is left has no one waiting for it.
      cleanups.push(() => internal.closeAllConnections());
      upstream = {
        baseUrl: new URL(`http://sandbox.internal${SANDBOX_PREFIX}`),
        apiKey: SANDBOX_API_KEY,
        name: 'The sandbox API',
        whatToCheck:
          'The sandbox runs inside this server: look at its log, then restart it with `npm start`.',
        compressed: false,
        connect: () => {
          const [proxyEnd, sandboxEnd] = MemorySocket.pair();
          internal.emit('connection', sandboxEnd);
          return proxyEnd;
        },
      };
    } else {
      upstream = {
        baseUrl: source.apiUrl,
        apiKey: source.apiKey,
        name: `Mailstand (${source.apiUrl.origin})`,
        whatToCheck: "Check MAILSTAND_API_URL and this machine's network connection, then retry.",
        compressed: true,
      };
    }

    // The sandbox is budgeted like Mailstand, by the same code, against its own limit.
    const proxy: ApiProxy = createApiProxy({
      upstream,
      timeoutMs: config.upstreamTimeoutMs,
      budget: { ...config.budget, limit: source.rateLimit },
      log,
    });
    cleanups.push(() => proxy.close());

    const server = http.createServer({ highWaterMark: RESPONSE_HIGH_WATER_MARK });
    let serveApp: Handler;
    if (app.kind === 'dist') {
      const site = await loadStaticSite(app.dir);
      serveApp = (req, res) => serveStatic(site, req, res);
    } else {
      const { createServer } = await import('vite');
      const vite = await createServer({
        root: app.root,
        appType: 'spa',
        server: { middlewareMode: true, hmr: { server } },
      });
      cleanups.push(() => vite.close());
      serveApp = (req, res) =>
        vite.middlewares(req, res, () => sendError(res, 404, 'Not Found', 'No such page.'));
    }

    const route: Route = (req, res, user) => {
      const target = req.url ?? '';
      if (isUnder(target, '/api')) proxy.handle(req, res, user);
      else if (!isUnder(target, SANDBOX_PREFIX)) serveApp(req, res);
      else if (sandboxApi !== null) sandboxApi(req, res);
      else sendError(res, 404, 'Not Found', 'The sandbox API runs only when MAILSTAND_API_KEY is not set.');
    };
    const gate = config.access === null ? null : createAccessGate(config.access);
    const healthBody = { status: 'ok', mode: source.mode };
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      setSecurityHeaders(res, { dev });
      const target = req.url ?? '';
      if (!target.startsWith('/')) {
        // Absolute URLs and `*` in the request line: this is not a forward proxy.
        sendError(res, 400, 'Invalid Request', 'The request target must be a path starting with "/".');
      } else if (splitTarget(target)[0] === '/healthz') {
        // Open even behind the access gate, so monitors need no password; it reveals only the mode.
        sendJson(res, 200, healthBody, { 'Cache-Control': 'no-store' });
      } else if (gate === null) {
        route(req, res);
      } else {
        gate(req, res, (user) => route(req, res, user));
      }
    });
    server.on('clientError', answerMalformedRequest);

    const closeServer = gracefulClose(server);
    const port = await listen(server, config.port, config.host);
    cleanups.push(() => closeServer(shutdownGraceMs));

    let closing: Promise<void> | null = null;
    return {
      url: `http://${displayHost(config.host)}:${port}`,
      mode: source.mode,
      sandboxKey: source.mode === 'sandbox' ? SANDBOX_API_KEY : null,
      close: () => (closing ??= release()),
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** `/api`, `/api/...`, `/api?..` and `/api%2f..` belong to the API; `/apiary` is an app route. */
function isUnder(target: string, prefix: string): boolean {
  const lower = target.toLowerCase();
  return lower.startsWith(prefix) && !/^[a-z0-9_-]/.test(lower.slice(prefix.length));
}

function splitTarget(target: string): [string, string] {
  const queryStart = target.indexOf('?');
  return queryStart === -1 ? [target, ''] : [target.slice(0, queryStart), target.slice(queryStart + 1)];
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Requests Node's parser refuses never reach a handler; they still get an answer in Mailstand's
 * error shape. An over-long request line is a URI problem (414), other oversized heads are 431.
 */
function answerMalformedRequest(error: Error, socket: Duplex): void {
  if (!socket.writable) return;
  const code = 'code' in error ? error.code : undefined;
  let status = 400;
  let label = 'Bad Request';
  let message = 'The request could not be parsed as HTTP.';
  if (code === 'HPE_HEADER_OVERFLOW') {
    const packet =
      'rawPacket' in error && Buffer.isBuffer(error.rawPacket) ? error.rawPacket : Buffer.alloc(0);
    const lineEnd = packet.indexOf('\r\n');
    const longUrl = lineEnd === -1 || lineEnd > 8192;
    status = longUrl ? 414 : 431;
    label = longUrl ? 'URI Too Long' : 'Request Header Fields Too Large';
    message = longUrl ? 'The URL is far too long.' : 'The request headers are too large.';
  } else if (code === 'HPE_INVALID_URL') {
    message =
      'The URL holds characters that must be percent-encoded (spaces, control characters or non-ASCII).';
  }
  const body = JSON.stringify({ statusCode: status, error: label, message });
  socket.end(
    `HTTP/1.1 ${status} ${label}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Prepares a graceful stop: once called, the returned function stops accepting connections, lets
 * requests in flight finish, closes each connection as soon as it falls idle, and cuts off what
 * is still running after the grace period.
 */
function gracefulClose(server: http.Server): (graceMs: number) => Promise<void> {
  let closing = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    // A handler that answered synchronously has sent its headers already; the finish hook still closes.
    if (closing && !res.headersSent) res.setHeader('Connection', 'close');
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  return (graceMs) =>
    new Promise((resolve) => {
      closing = true;
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      server.closeIdleConnections();
    });
}
