import { createAdaptorServer } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody } from '../shared/contract';
import { createAccessGate, FailedLoginThrottle, type GateEnv } from './access/access-gate';
import { createSessions, SESSION_PATH } from './access/sessions';
import { signInRoutes } from './access/sign-in';
import type { ServerConfig } from './env';
import { errorResponse, NO_STORE } from './http/json-response';
import { securityHeaders } from './http/security-headers';
import { API_PREFIX } from './proxy/api-route';
import { createApiProxy } from './proxy/proxy';
import { mailstandUpstream, sandboxUpstream, type Upstream } from './proxy/upstream';
import { createSandboxApi, openSandboxDatabase, SANDBOX_API_KEY } from './sandbox';
import { createStaticSite } from './static/static-site';
import { VIEWS_PATH } from '../shared/views/saved-view';
import { openViewStore } from './views/view-store';
import { viewRoutes } from './views/view-routes';

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
  /** The fixed key of the embedded sandbox API, or null in live mode. */
  sandboxKey: string | null;
  /** Stops accepting, lets requests in flight finish (within the grace period), then releases everything. */
  close(): Promise<void>;
}

const SANDBOX_PREFIX = '/sandbox-api';
const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

/** Socket buffers for a good part of a 2000-contact page: Node's small default pauses on every read. */
const RESPONSE_HIGH_WATER_MARK = 1024 * 1024;

export async function startServer({
  config,
  app: appSource,
  log = (line) => console.error(line),
  shutdownGraceMs = 10_000,
}: StartOptions): Promise<RunningServer> {
  const headers = securityHeaders({ dev: appSource.kind === 'vite-dev' });
  const { source } = config;
  const cleanups: Array<() => unknown> = [];
  const release = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let sandbox: Hono | null = null;
    let upstream: Upstream;
    if (source.mode === 'sandbox') {
      const db = openSandboxDatabase({
        path: source.dbPath,
        contacts: source.contacts,
        seed: source.seed,
        log,
      });
      cleanups.push(() => db.close());
      sandbox = createSandboxApi({ db, apiKey: SANDBOX_API_KEY, rateLimit: source.rateLimit });
      upstream = sandboxUpstream(sandbox, SANDBOX_API_KEY);
    } else {
      upstream = mailstandUpstream(source.apiUrl, source.apiKey);
    }
    const views = openViewStore({ path: config.appDbPath });
    cleanups.push(() => views.close());
    // The sandbox is budgeted like Mailstand, by the same code, against its own limit.
    const proxy = createApiProxy({
      upstream,
      timeoutMs: config.upstreamTimeoutMs,
      budget: { ...config.budget, limit: source.rateLimit },
      log,
    });

    const app = new Hono<GateEnv>();
    app.use(async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    });
    // Absolute URLs in the request line: this is not a forward proxy.
    const notAPath = 'The request target must be a path starting with "/".';
    app.use(async (c, next) =>
      c.env.incoming.url?.startsWith('/')
        ? next()
        : errorResponse(c, 400, 'Invalid Request', notAPath, NO_STORE),
    );
    // Open even behind the access gate, so monitors need no password; it reveals only the mode.
    app.all('/healthz', (c) => c.json({ status: 'ok', mode: source.mode }, 200, NO_STORE));
    // With passwords, people sign in on a page of their own; scripts still send HTTP Basic.
    const sessions = config.access?.kind === 'password' ? createSessions() : null;
    if (config.access !== null) {
      const throttle = new FailedLoginThrottle();
      if (config.access.kind === 'password' && sessions !== null)
        app.route('/', signInRoutes(config.access, sessions, throttle));
      app.use(createAccessGate(config.access, throttle, sessions));
    }
    // Who is signed in, for the app's header: null without an access gate.
    app.get(SESSION_PATH, (c) =>
      c.json({ user: c.get('user') ?? null, canSignOut: sessions !== null }, 200, NO_STORE),
    );
    app.route(VIEWS_PATH, viewRoutes(views));
    // The API is told apart on the raw request line, before any normalisation of dot segments.
    app.use((c, next) => (isApiTarget(c.env.incoming.url ?? '') ? proxy(c) : next()));
    if (sandbox !== null) app.mount(SANDBOX_PREFIX, sandbox.fetch);
    else
      app.all(`${SANDBOX_PREFIX}/*`, (c) =>
        errorResponse(c, 404, 'Not Found', 'The sandbox API runs only when MAILSTAND_API_KEY is not set.'),
      );
    // A private tool: no search engine is invited in.
    app.get('/robots.txt', (c) => c.text(ROBOTS_TXT, 200, { 'Cache-Control': 'no-cache' }));

    // Listening comes last, once every route is in place; Vite's hot reload needs the server before.
    const server = createAdaptorServer({
      fetch: app.fetch,
      hostname: config.host,
      serverOptions: { highWaterMark: RESPONSE_HIGH_WATER_MARK },
    });
    if (!(server instanceof http.Server)) throw new Error('expected an HTTP/1.1 server');
    if (appSource.kind === 'dist') {
      app.route('/', await createStaticSite(appSource.dir));
    } else {
      const { createServer: createViteServer } = await import('vite');
      const vite = await createViteServer({
        root: appSource.root,
        appType: 'spa',
        server: { middlewareMode: true, hmr: { server } },
      });
      cleanups.push(() => vite.close());
      app.all('*', (c) => {
        const { incoming, outgoing } = c.env;
        for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
        vite.middlewares(incoming, outgoing, () => {
          outgoing.statusCode = 404;
          outgoing.setHeader('Content-Type', 'application/json; charset=utf-8');
          outgoing.end(JSON.stringify(errorBody(404, 'Not Found', 'No such page.')));
        });
        return RESPONSE_ALREADY_SENT;
      });
    }
    server.listen(config.port, config.host);
    await once(server, 'listening');
    const closeServer = gracefulClose(server);
    cleanups.push(() => closeServer(shutdownGraceMs));
    let closing: Promise<void> | null = null;
    return {
      url: `http://${displayHost(config.host)}:${(server.address() as AddressInfo).port}`,
      sandboxKey: source.mode === 'sandbox' ? SANDBOX_API_KEY : null,
      close: () => (closing ??= release()),
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** `/api`, `/api/...`, `/api?..` and `/api%2f..` belong to the API; `/apiary` is an app route. */
function isApiTarget(target: string): boolean {
  const lower = target.toLowerCase();
  return lower.startsWith(API_PREFIX) && !/^[a-z0-9_-]/.test(lower.slice(API_PREFIX.length));
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * A graceful stop: no new connections, requests in flight finish, each connection closes as soon as
 * it falls idle, and what still runs after the grace period is cut off.
 */
function gracefulClose(server: http.Server): (graceMs: number) => Promise<void> {
  let closing = false;
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
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
