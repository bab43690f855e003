import { fileURLToPath } from 'node:url';
import { parseEnv } from '../../src/server/env';
import { startServer, type RunningServer } from '../../src/server/server';

/** The built app, made by the Playwright webServer (`npm start` builds it before serving). */
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

export interface LiveApp {
  url: string;
  /** Every line the server logged, across restarts. */
  log: string[];
  /** Stops the server as SIGTERM would: requests in flight finish, new connections are refused. */
  stop(): Promise<void>;
  /** Starts it again on the same port, as after a restart. */
  start(): Promise<void>;
}

/**
 * The real server in live mode, inside the test process, talking to `apiUrl` as if it were
 * Mailstand with the key `apiKey`. Started here rather than by Playwright so that a test can read
 * its log and restart it.
 */
export async function startLiveApp(options: {
  port: number;
  apiKey: string;
  apiUrl: string;
  upstreamTimeoutMs?: number;
}): Promise<LiveApp> {
  const log: string[] = [];
  const config = parseEnv({
    PORT: String(options.port),
    HOST: '127.0.0.1',
    MAILSTAND_API_KEY: options.apiKey,
    MAILSTAND_API_URL: options.apiUrl,
    UPSTREAM_TIMEOUT_MS: String(options.upstreamTimeoutMs ?? 30_000),
    // Every fault a test injects must reach the screen: an answer kept from an earlier test would hide it.
    CACHE_MAX_MB: '0',
  });
  const launch = () =>
    startServer({
      config,
      app: { kind: 'dist', dir: DIST },
      log: (line) => log.push(line),
      shutdownGraceMs: 2_000,
    });
  let server: RunningServer | null = await launch();
  return {
    url: server.url,
    log,
    async stop() {
      await server?.close();
      server = null;
    },
    async start() {
      server ??= await launch();
    },
  };
}
