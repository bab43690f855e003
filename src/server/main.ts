/**
 * `npm start` (build when needed, then serve dist/) and `npm run dev` (`--dev`: Vite with hot reload).
 * Prints one line with the address and the mode; SIGTERM or SIGINT drain and exit 0.
 */
import closeWithGrace from 'close-with-grace';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './build/ensure-built';
import { ConfigError, parseEnv } from './env';
import { startServer } from './server';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const log = (line: string) => console.error(line);

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const envFile = path.join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = parseEnv(process.env);
  if (!dev) await ensureBuilt(root, log);
  const server = await startServer({
    config,
    app: dev ? { kind: 'vite-dev', root } : { kind: 'dist', dir: path.join(root, 'dist') },
    log,
  });
  const { source } = config;
  const mode =
    source.mode === 'live'
      ? `live mode: Mailstand at ${source.apiUrl.href}`
      : `sandbox mode: demo data, sandbox API key ${server.sandboxKey}`;
  console.log(`Mailstand Contacts on ${server.url} (${mode}${dev ? ', dev server with hot reload' : ''})`);
  // The server's own grace period cuts off what is still running: no second timer here.
  closeWithGrace(
    { delay: null, logger: { error: (message) => log(String(message)) } },
    async ({ signal, err }) => {
      if (err !== undefined) log(`Stopping after an unexpected error: ${err.stack ?? err.message}`);
      else if (signal !== undefined) log(`${signal}: finishing requests in flight, then stopping.`);
      await server.close();
    },
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    log(error.message);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    log(`Cannot listen: the port is already in use (${error.message}). Set PORT to a free port.`);
  } else {
    log(`Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exit(1);
});
