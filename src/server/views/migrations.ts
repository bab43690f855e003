import type Database from 'better-sqlite3';

/**
 * The app database's schema, as numbered steps applied in order. SQLite's `user_version` holds
 * how many have run; a step is never edited once released: a change is a new step at the end.
 */
export type Migration = { name: string; up: (db: Database.Database) => void };

export const APP_MIGRATIONS: readonly Migration[] = [
  {
    name: 'saved views',
    up: (db) =>
      db.exec(`
        CREATE TABLE views (
          id          TEXT PRIMARY KEY,
          workspace   TEXT NOT NULL,
          name        TEXT NOT NULL,
          name_key    TEXT NOT NULL,
          filters     TEXT NOT NULL,
          columns     TEXT NOT NULL,
          version     INTEGER NOT NULL,
          created_by  TEXT NOT NULL,
          created_at  INTEGER NOT NULL,
          updated_by  TEXT NOT NULL,
          updated_at  INTEGER NOT NULL,
          -- A deleted view is kept a while, so that Undo brings back the same view.
          deleted_at  INTEGER
        );
        CREATE UNIQUE INDEX views_live_name ON views (workspace, name_key) WHERE deleted_at IS NULL;
        CREATE INDEX views_by_workspace ON views (workspace, deleted_at);
      `),
  },
];

/** Thrown when the file was written by a newer version of the app: running on it could lose data. */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
}

/**
 * Brings the database up to the last migration. Each step runs in an immediate transaction
 * together with its version bump, so a failing step leaves the file as it was before it, and two
 * servers starting on one file at once never run a step twice.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = APP_MIGRATIONS): number {
  const step = db.transaction((): boolean => {
    const current = Number(db.pragma('user_version', { simple: true }));
    if (current > migrations.length) {
      throw new NewerSchemaError(
        `${db.name} has schema version ${current}, newer than this app's ${migrations.length}: ` +
          'run the newer app, or point APP_DB_PATH at another file.',
      );
    }
    const next = migrations[current];
    if (next === undefined) return false;
    next.up(db);
    db.pragma(`user_version = ${current + 1}`);
    return true;
  });
  while (step.immediate()) {
    // One step per transaction, until none is left.
  }
  return migrations.length;
}
