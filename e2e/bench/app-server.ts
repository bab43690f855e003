import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';

export type AppServer = { url: string; pid: number; stop(): Promise<void> };

/** Seeding a million contacts takes minutes on a small machine. */
const START_TIMEOUT_MS = 20 * 60_000;
const STOP_GRACE_MS = 10_000;

const running = new Set<ChildProcess>();
// A benchmark stopped with Ctrl+C or by an error must not leave its servers behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Builds the app with Vite into `outDir`, as `npm run build` would into dist/. */
export async function buildApp(root: string, outDir: string): Promise<void> {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

export type AppServerOptions = {
  root: string;
  dist: string;
  port: number;
  dbPath: string;
  contacts: number;
  log: (line: string) => void;
};

/** Starts the real server on a sandbox database in a child process; resolves once it listens. */
export function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(options.root, 'e2e/bench/bench-server.ts')],
    {
      cwd: options.root,
      env: {
        ...process.env,
        BENCH_DIST: options.dist,
        PORT: String(options.port),
        HOST: '127.0.0.1',
        // Always the sandbox, whatever the shell or .env holds.
        MAILSTAND_API_KEY: '',
        SANDBOX_DB: options.dbPath,
        SANDBOX_CONTACTS: String(options.contacts),
        SANDBOX_SEED: '',
        // The benchmark sends far more than 100 requests per 15 s; the app still paces itself.
        SANDBOX_RATE_LIMIT: 'off',
        ACCESS_PASSWORD: '',
        ACCESS_USERS: '',
        ACCESS_IDENTITY_HEADER: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  createInterface({ input: child.stderr }).on('line', (line) => options.log(`  [server] ${line}`));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The server did not start within ${START_TIMEOUT_MS / 60_000} minutes.`));
    }, START_TIMEOUT_MS);
    void exited.then(() => {
      clearTimeout(timer);
      reject(
        new Error(`The server exited (code ${child.exitCode}) before it was listening; see its log above.`),
      );
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const started: unknown = JSON.parse(line);
      if (
        typeof started !== 'object' ||
        started === null ||
        !('url' in started) ||
        typeof started.url !== 'string'
      )
        return;
      clearTimeout(timer);
      resolve({ url: started.url, pid: child.pid ?? 0, stop });
    });
  });
}
