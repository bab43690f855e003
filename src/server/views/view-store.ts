import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  checkViewColumns,
  checkViewFilters,
  MAX_VIEWS_PER_WORKSPACE,
  viewNameKey,
  type SavedView,
  type ViewChange,
  type ViewDraft,
} from '../../shared/views/saved-view';
import { timeAgo } from '../sandbox/human-time';
import { migrate } from './migrations';

/**
 * The team's saved views, in the app's own SQLite file (never the sandbox's, which is rebuilt at
 * will). Every change names the version it was made on; a change made on an older version is
 * refused with who changed the view since and when, rather than overwriting their change.
 */

export type ViewStoreErrorKind = 'not-found' | 'duplicate' | 'conflict' | 'full' | 'corrupt';

export class ViewStoreError extends Error {
  override name = 'ViewStoreError';
  constructor(
    readonly kind: ViewStoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface ViewStore {
  readonly path: string;
  list(workspace: string): SavedView[];
  get(id: string): SavedView;
  create(draft: ViewDraft, user: string): SavedView;
  update(id: string, change: ViewChange, user: string): SavedView;
  /** Deletes the view made on `version`; it can be restored for a while (Undo). */
  remove(id: string, version: number, user: string): SavedView;
  restore(id: string, user: string): SavedView;
  close(): void;
}

/** How long a deleted view can still be restored. */
export const RESTORABLE_MS = 24 * 60 * 60_000;

type ViewRow = {
  id: string;
  workspace: string;
  name: string;
  filters: string;
  columns: string;
  version: number;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
  deleted_at: number | null;
};

export function openViewStore({ path, now = Date.now }: { path: string; now?: () => number }): ViewStore {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Several servers (or test workers) may open one file at once: wait for each other's steps.
    db.pragma('busy_timeout = 5000');
    // WAL: readers (the sidebar's list) never wait for a writer.
    db.pragma('journal_mode = WAL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  db.prepare('DELETE FROM views WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(now() - RESTORABLE_MS);

  const selectLive = db.prepare<[string], ViewRow>(
    'SELECT * FROM views WHERE workspace = ? AND deleted_at IS NULL ORDER BY name_key, id',
  );
  const selectOne = db.prepare<[string], ViewRow>('SELECT * FROM views WHERE id = ?');
  const countLive = db.prepare<[string], { count: number }>(
    'SELECT count(*) AS count FROM views WHERE workspace = ? AND deleted_at IS NULL',
  );
  const selectNamed = db.prepare<[string, string], ViewRow>(
    'SELECT * FROM views WHERE workspace = ? AND name_key = ? AND deleted_at IS NULL',
  );
  const insert = db.prepare(
    `INSERT INTO views (id, workspace, name, name_key, filters, columns, version, created_by, created_at, updated_by, updated_at)
     VALUES (@id, @workspace, @name, @name_key, @filters, @columns, 1, @user, @now, @user, @now)`,
  );
  const write = db.prepare(
    `UPDATE views SET name = @name, name_key = @name_key, filters = @filters, columns = @columns,
       version = version + 1, updated_by = @updated_by, updated_at = @updated_at, deleted_at = @deleted_at
     WHERE id = @id AND version = @version`,
  );

  const toView = (row: ViewRow): SavedView => {
    const filters = checkViewFilters(parseJson(row.filters));
    const columns = checkViewColumns(parseJson(row.columns));
    if (!filters.ok || !columns.ok) {
      throw new ViewStoreError(
        'corrupt',
        `The stored view "${row.name}" is damaged; delete it and save it again.`,
      );
    }
    return {
      id: row.id,
      workspace: row.workspace,
      name: row.name,
      filters: filters.value,
      columns: columns.value,
      version: row.version,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  };

  const findRow = (id: string): ViewRow => {
    const row = selectOne.get(id);
    if (row === undefined)
      throw new ViewStoreError('not-found', 'There is no such view: it may have been deleted.');
    return row;
  };

  const liveRow = (id: string): ViewRow => {
    const row = findRow(id);
    if (row.deleted_at !== null)
      throw new ViewStoreError(
        'not-found',
        `This view was deleted by ${row.updated_by} ${ago(row.updated_at, now())}.`,
      );
    return row;
  };

  const assertFreeName = (workspace: string, name: string, except: string | null) => {
    const taken = selectNamed.get(workspace, viewNameKey(name));
    if (taken !== undefined && taken.id !== except)
      throw new ViewStoreError(
        'duplicate',
        `This workspace already has a view named "${taken.name}": choose another name.`,
      );
  };

  const assertCurrent = (row: ViewRow, version: number) => {
    if (row.version !== version) throw staleChange(row, now());
  };

  /** Writes `next` over the row made on `version`; called inside the transaction of its checks. */
  const save = (row: ViewRow, next: ViewRow, version: number) => {
    const result = write.run({ ...next, name_key: viewNameKey(next.name), version });
    if (result.changes === 0) throw staleChange(findRow(row.id), now());
  };

  return {
    path: file,
    list: (workspace) => selectLive.all(workspace).map(toView),
    get: (id) => toView(liveRow(id)),
    create: db.transaction((draft: ViewDraft, user: string) => {
      assertFreeName(draft.workspace, draft.name, null);
      if ((countLive.get(draft.workspace)?.count ?? 0) >= MAX_VIEWS_PER_WORKSPACE)
        throw new ViewStoreError(
          'full',
          `A workspace keeps at most ${MAX_VIEWS_PER_WORKSPACE} views: delete one first.`,
        );
      const id = `view_${randomBytes(12).toString('hex')}`;
      insert.run({
        id,
        workspace: draft.workspace,
        name: draft.name,
        name_key: viewNameKey(draft.name),
        filters: JSON.stringify(draft.filters),
        columns: JSON.stringify(draft.columns),
        user,
        now: now(),
      });
      return toView(findRow(id));
    }),
    update: db.transaction((id: string, change: ViewChange, user: string) => {
      const row = liveRow(id);
      assertCurrent(row, change.version);
      if (change.name !== undefined) assertFreeName(row.workspace, change.name, id);
      save(
        row,
        {
          ...row,
          name: change.name ?? row.name,
          filters: change.filters === undefined ? row.filters : JSON.stringify(change.filters),
          columns: change.columns === undefined ? row.columns : JSON.stringify(change.columns),
          updated_by: user,
          updated_at: now(),
        },
        change.version,
      );
      return toView(findRow(id));
    }),
    remove: db.transaction((id: string, version: number, user: string) => {
      const row = liveRow(id);
      assertCurrent(row, version);
      const at = now();
      save(row, { ...row, updated_by: user, updated_at: at, deleted_at: at }, version);
      return toView(findRow(id));
    }),
    restore: db.transaction((id: string, user: string) => {
      const row = findRow(id);
      if (row.deleted_at === null) return toView(row);
      assertFreeName(row.workspace, row.name, id);
      save(row, { ...row, updated_by: user, updated_at: now(), deleted_at: null }, row.version);
      return toView(findRow(id));
    }),
    close: () => db.close(),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function ago(at: number, now: number): string {
  return timeAgo(Math.floor(at / 1000), Math.floor(now / 1000));
}

function staleChange(row: ViewRow, now: number): ViewStoreError {
  if (row.deleted_at !== null)
    return new ViewStoreError(
      'not-found',
      `This view was deleted by ${row.updated_by} ${ago(row.updated_at, now)}.`,
    );
  return new ViewStoreError(
    'conflict',
    `"${row.name}" was changed by ${row.updated_by} ${ago(row.updated_at, now)}: reload it to see their change, then make yours again.`,
  );
}
