import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { buildSandboxDatabase, metaFor } from './seed';
import type { SeedOptions } from './seed';

export type SandboxDatabase = {
  readonly path: string;
  readonly seed: string;
  readonly contacts: number;
  /** Read-only: the data never changes after seeding, which lets the queries cache counts. */
  readonly connection: Database.Database;
  close(): void;
};

export type OpenSandboxOptions = SeedOptions & { path: string; log?: (line: string) => void };

const BUILDING = '.building-';

/**
 * Opens the sandbox database at `path`, building it first when it is missing, unreadable, or was
 * built for another seed, size or schema version. Never leaves a corrupt file at `path`.
 */
export function openSandboxDatabase(options: OpenSandboxOptions): SandboxDatabase {
  if (!Number.isSafeInteger(options.contacts) || options.contacts < 0) {
    throw new Error(
      `The sandbox size must be a whole number of contacts, 0 or more; got ${options.contacts}.`,
    );
  }
  const path = resolve(options.path);
  const log = options.log ?? (() => undefined);
  mkdirSync(dirname(path), { recursive: true });
  removeAbandonedBuilds(path, log);

  const mismatch = describeMismatch(path, options);
  if (mismatch === null) {
    log(`Sandbox database: reusing ${path} (${options.contacts.toLocaleString('en-US')} contacts).`);
  } else {
    log(
      `Sandbox database: ${mismatch}; seeding ${options.contacts.toLocaleString('en-US')} contacts into ${path}...`,
    );
    const started = performance.now();
    buildSandboxDatabase(path, `${path}${BUILDING}${process.pid}`, options);
    log(`Sandbox database: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }

  const connection = new Database(path, { readonly: true, fileMustExist: true });
  // Map the file instead of copying pages into SQLite's cache: pages of 2000 rows read many pages.
  connection.pragma('mmap_size = 4294967296');
  connection.pragma('cache_size = -65536');
  return {
    path,
    seed: options.seed,
    contacts: options.contacts,
    connection,
    close: () => connection.close(),
  };
}

/** Why the file at `path` cannot be reused, or null when it holds exactly the wanted data. */
function describeMismatch(path: string, options: SeedOptions): string | null {
  if (!existsSync(path)) return 'no database yet';
  let rows: { key: string; value: string }[];
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all();
    } finally {
      db.close();
    }
  } catch (error) {
    return `the existing file is unreadable (${error instanceof Error ? error.message : String(error)})`;
  }
  const found = new Map(rows.map((row) => [row.key, row.value]));
  for (const [key, wanted] of Object.entries(metaFor(options))) {
    const value = found.get(key);
    if (value !== wanted)
      return `it was built with ${key} ${JSON.stringify(value ?? null)}, not ${JSON.stringify(wanted)}`;
  }
  return null;
}

/** Removes temporary files of builds whose process is gone (killed mid-seed); a live build is left alone. */
function removeAbandonedBuilds(path: string, log: (line: string) => void): void {
  const prefix = basename(path) + BUILDING;
  for (const name of readdirSync(dirname(path))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isSafeInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    rmSync(join(dirname(path), name), { force: true });
    log(`Sandbox database: removed ${name}, left by an interrupted build.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
