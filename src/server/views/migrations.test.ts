import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_MIGRATIONS, migrate, NewerSchemaError, type Migration } from './migrations';

let dir: string;
const open = () => new Database(path.join(dir, 'app.db'));
const version = (db: Database.Database) => Number(db.pragma('user_version', { simple: true }));
const tables = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'app-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrate', () => {
  it('brings a new file to the last version and leaves a migrated one alone', () => {
    const db = open();
    expect(migrate(db)).toBe(APP_MIGRATIONS.length);
    expect(version(db)).toBe(APP_MIGRATIONS.length);
    expect(tables(db)).toContain('views');
    db.prepare(
      "INSERT INTO views VALUES ('view_1', 'space_a', 'A', 'a', '{}', '{}', 1, 'ana', 1, 'ana', 1, NULL)",
    ).run();
    // A second start runs nothing again: the row survives and nothing fails on "table exists".
    migrate(db);
    expect(db.prepare('SELECT count(*) AS n FROM views').get()).toEqual({ n: 1 });
    db.close();
  });

  it('runs only the steps a file has not had, in order', () => {
    const ran: string[] = [];
    const steps: Migration[] = ['one', 'two', 'three'].map((name) => ({
      name,
      up: (db) => {
        ran.push(name);
        db.exec(`CREATE TABLE ${name} (x)`);
      },
    }));
    const db = open();
    migrate(db, steps.slice(0, 2));
    expect(ran).toEqual(['one', 'two']);
    migrate(db, steps);
    expect(ran).toEqual(['one', 'two', 'three']);
    expect(version(db)).toBe(3);
    db.close();
  });

  it('leaves the file at the last good step when a step fails', () => {
    const db = open();
    const steps: Migration[] = [
      { name: 'good', up: (db) => db.exec('CREATE TABLE good (x)') },
      {
        name: 'bad',
        up: (db) => {
          db.exec('CREATE TABLE half (x)');
          throw new Error('disk on fire');
        },
      },
    ];
    expect(() => migrate(db, steps)).toThrow('disk on fire');
    expect(version(db)).toBe(1);
    expect(tables(db)).toEqual(['good']);
    db.close();
  });

  it('refuses a file written by a newer app, naming the way out', () => {
    const db = open();
    db.pragma(`user_version = ${APP_MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(NewerSchemaError);
    expect(() => migrate(db)).toThrow(/newer than this app's .*APP_DB_PATH/);
    db.close();
  });
});
