import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_NOW } from './seed-data';
import { openSandboxDatabase } from './database';
import type { OpenSandboxOptions } from './database';
import { sandboxClient, temporaryDirectory } from './sandbox-client';

let directory: ReturnType<typeof temporaryDirectory>;
let path: string;

beforeEach(() => {
  directory = temporaryDirectory();
  path = join(directory.path, 'sandbox.db');
});
afterEach(() => directory.remove());

/** Opens, records the log, and closes again: what one start of the server does to the file. */
function start(options: Omit<OpenSandboxOptions, 'path' | 'log'>, at = path): string[] {
  const lines: string[] = [];
  openSandboxDatabase({ ...options, path: at, log: (line) => lines.push(line) }).close();
  return lines;
}

/** Reads the file directly, as a check independent of the sandbox's own code. */
function inspect(at = path) {
  const db = new Database(at, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      contacts: db.prepare('SELECT count(*) FROM contacts').pluck().get(),
      values: db.prepare('SELECT count(*) FROM contact_values').pluck().get(),
      indexed: db
        .prepare('SELECT count(*) FROM contact_emails WHERE contact_emails MATCH \'"example"\'')
        .pluck()
        .get(),
      meta: Object.fromEntries(
        db
          .prepare<[], { key: string; value: string }>('SELECT key, value FROM meta')
          .all()
          .map((row) => [row.key, row.value]),
      ),
    };
  } finally {
    db.close();
  }
}

describe('openSandboxDatabase', () => {
  it('seeds on first start and reuses the file afterwards', () => {
    expect(start({ contacts: 300, seed: 'a' }).join('\n')).toMatch(/no database yet; seeding 300 contacts/);
    const first = statSync(path);
    expect(start({ contacts: 300, seed: 'a' }).join('\n')).toMatch(/reusing/);
    expect(statSync(path).ino).toBe(first.ino);
    expect(statSync(path).mtimeMs).toBe(first.mtimeMs);
    expect(inspect()).toMatchObject({
      integrity: 'ok',
      contacts: 300,
      values: 300,
      meta: { seed: 'a', contacts: '300' },
    });
  });

  it('rebuilds when the size, the seed or the schema version changed, or the file is unreadable', () => {
    start({ contacts: 300, seed: 'a' });
    expect(start({ contacts: 400, seed: 'a' }).join('\n')).toMatch(/contacts "300", not "400"; seeding/);
    expect(inspect()).toMatchObject({ contacts: 400, meta: { contacts: '400' } });
    expect(start({ contacts: 400, seed: 'b' }).join('\n')).toMatch(/seed "a", not "b"; seeding/);
    expect(inspect().meta.seed).toBe('b');

    const db = new Database(path);
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
    db.close();
    expect(start({ contacts: 400, seed: 'b' }).join('\n')).toMatch(/schema_version "0", not "\d+"; seeding/);
    expect(inspect()).toMatchObject({ integrity: 'ok', contacts: 400 });

    writeFileSync(path, 'not a database at all');
    expect(start({ contacts: 400, seed: 'b' }).join('\n')).toMatch(/unreadable.*seeding/s);
    expect(inspect()).toMatchObject({ integrity: 'ok', contacts: 400 });
  });

  it("removes temporary files of builds whose process is gone, and leaves a live build's alone", () => {
    const dead = `${path}.building-2147483646`;
    const live = `${path}.building-${process.ppid}`;
    writeFileSync(dead, 'half a database');
    writeFileSync(live, 'a build in progress elsewhere');
    expect(start({ contacts: 100, seed: 'a' }).join('\n')).toMatch(
      /removed sandbox\.db\.building-2147483646/,
    );
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('refuses a size that is not a whole number of contacts', () => {
    expect(() => start({ contacts: -1, seed: 'a' })).toThrow(/whole number of contacts/);
    expect(() => start({ contacts: 2.5, seed: 'a' })).toThrow(/whole number of contacts/);
  });

  it('gives the same data for the same seed on every build, and other data for another seed', async () => {
    const firstPages = [];
    for (const [name, seed] of [
      ['one.db', 'same'],
      ['two.db', 'same'],
      ['three.db', 'other'],
    ] as const) {
      const db = openSandboxDatabase({ path: join(directory.path, name), contacts: 500, seed });
      // One moment for all three: the words for times must not differ because the clock moved.
      const server = sandboxClient(db, null, () => SEED_NOW);
      try {
        const workspaces = (await server.get('/workspaces')).text;
        const id = /"id":"(space_\w+)"/.exec(workspaces)?.[1];
        const contacts = (await server.get(`/contacts?workspace=${id}&page=1&display=100`)).text;
        const campaigns = (await server.get(`/campaigns?workspace=${id}&page=1&display=100`)).text;
        firstPages.push({ workspaces, contacts, campaigns });
      } finally {
        db.close();
      }
    }
    const [one, two, three] = firstPages;
    expect(two).toEqual(one);
    expect(three?.contacts).not.toEqual(one?.contacts);
    expect(three?.workspaces).not.toEqual(one?.workspaces);
  });
});

describe('a kill during seeding', () => {
  /** Starts a seeding in another process and kills it (SIGKILL) while it writes its temporary file. */
  async function killMidSeed(contacts: number): Promise<void> {
    const module = new URL('./database.ts', import.meta.url).href;
    const code = `import { openSandboxDatabase } from ${JSON.stringify(module)};
      openSandboxDatabase({ path: ${JSON.stringify(path)}, contacts: ${contacts}, seed: 'a', log: console.log });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_, signal) => resolve(signal)),
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const temporary = `${path}.building-${child.pid}`;
    while (!(output.includes('seeding') && existsSync(temporary))) {
      if (child.exitCode !== null) throw new Error(`the seeding process ended early: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Let it write for a moment: a build of this size takes far longer than this.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toMatch(/seeded in/);
    expect(existsSync(temporary)).toBe(true);
  }

  it('leaves no database behind when the first seeding is killed; the next start seeds a complete one', async () => {
    await killMidSeed(400_000);
    expect(existsSync(path)).toBe(false);
    expect(start({ contacts: 1_000, seed: 'a' }).join('\n')).toMatch(
      /removed .*interrupted build[\s\S]*seeding/,
    );
    expect(readdirSync(directory.path)).toEqual(['sandbox.db']);
    expect(inspect()).toMatchObject({
      integrity: 'ok',
      contacts: 1_000,
      values: 1_000,
      meta: { contacts: '1000' },
    });
    expect(inspect().indexed).toBeGreaterThan(0);
  });

  it('keeps the previous database intact when a rebuild is killed', async () => {
    start({ contacts: 1_000, seed: 'a' });
    const before = inspect();
    await killMidSeed(400_000);
    expect(inspect()).toEqual(before);
    expect(before).toMatchObject({ integrity: 'ok', contacts: 1_000 });
    expect(start({ contacts: 1_000, seed: 'a' }).join('\n')).toMatch(/removed[\s\S]*reusing/);
    expect(readdirSync(directory.path)).toEqual(['sandbox.db']);
  });
});
