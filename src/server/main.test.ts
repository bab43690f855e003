import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './testing/fake-upstream';

const CANARY = 'key_CANARY_1234567890';
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** The environment of a fresh shell: none of the variables the server reads, unless given. */
function cleanEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(PORT|HOST|MAILSTAND_|SANDBOX_|ACCESS_|UPSTREAM_)/.test(name),
    ),
  );
  return { ...env, ...overrides };
}

function startMain(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: cleanEnv(env) });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const waitFor = async (stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const match = pattern.exec(output[stream]);
      if (match !== null) return match;
      if (child.exitCode !== null) throw new Error(`exited early:\n${output.stdout}\n${output.stderr}`);
      await once(child[stream], 'data');
    }
  };
  return { child, output, waitFor };
}

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());

describe('npm start / npm run dev', () => {
  it('stops at once with one line naming an invalid variable', async () => {
    const { child, output } = startMain([], { PORT: 'abc' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output.stderr.trim()).toBe('Invalid PORT (got "abc"): expected a port number from 0 to 65535.');
    expect(output.stdout).toBe('');
  });

  it('prints one line, finishes a request in flight on SIGTERM and exits 0, never logging the key', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    upstream.respond((_req, res) => {
      void held.then(() => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"status":"ok","data":[{"id":"space_1","name":"In flight"}]}');
      });
    });
    const { child, output, waitFor } = startMain(['--dev'], {
      PORT: '0',
      MAILSTAND_API_KEY: CANARY,
      MAILSTAND_API_URL: upstream.url,
    });
    try {
      const [, url] = await waitFor(
        'stdout',
        /^Mailstand Contacts on (http:\/\/127\.0\.0\.1:\d+) \(live mode/m,
      );
      const inFlight = fetch(`${url}/api/workspaces`);
      while (upstream.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await waitFor('stderr', /SIGTERM: finishing requests in flight/);
      release();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: [{ name: 'In flight' }] });
      const [code] = await exited;
      expect(code).toBe(0);

      // The address is printed once, and only Vite's own notes may come before it (the dev
      // server re-optimises a dependency cache left by another config before it listens).
      const lines = output.stdout.trim().split('\n');
      const address = lines.findIndex((line) => line.startsWith('Mailstand Contacts on '));
      expect(address).toBeGreaterThanOrEqual(0);
      expect(lines.slice(0, address).filter((line) => !line.includes('[vite]'))).toEqual([]);
      expect(lines.filter((line) => line.includes('Mailstand Contacts on'))).toHaveLength(1);
      expect(output.stdout + output.stderr).not.toContain(CANARY);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
