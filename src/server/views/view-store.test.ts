import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ViewDraft } from '../../shared/views/saved-view';
import { openViewStore, RESTORABLE_MS, type ViewStore } from './view-store';

const MINUTE = 60_000;
const DRAFT: ViewDraft = {
  workspace: 'space_a',
  name: 'Replied in CISO',
  filters: {
    campaign: 'camp_ciso',
    stage: 'Replied',
    search: '',
    display: 250,
    has_opened: false,
    has_clicked: false,
    has_replied: true,
    has_bounced: false,
  },
  columns: { order: ['full_name', 'stage'], visible: ['stage'], widths: { stage: 200 } },
};

let dir: string;
let clock: number;
let store: ViewStore;
const open = () => openViewStore({ path: path.join(dir, 'nested', 'app.db'), now: () => clock });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'view-store-'));
  clock = Date.UTC(2026, 11, 4, 12);
  store = open();
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('view store', () => {
  it('keeps a view with who made it and when, across a restart', () => {
    const made = store.create(DRAFT, 'ana');
    expect(made).toMatchObject({
      ...DRAFT,
      version: 1,
      createdBy: 'ana',
      createdAt: clock,
      updatedBy: 'ana',
    });
    expect(made.id).toMatch(/^view_[0-9a-f]{24}$/);
    store.close();
    store = open();
    expect(store.list('space_a')).toEqual([made]);
    expect(store.list('space_b')).toEqual([]);
  });

  it('refuses a second view of the same name in a workspace, whatever its case and spacing', () => {
    store.create(DRAFT, 'ana');
    expect(() => store.create({ ...DRAFT, name: 'replied  in ciso' }, 'bob')).toThrow(
      'This workspace already has a view named "Replied in CISO": choose another name.',
    );
    expect(store.create({ ...DRAFT, workspace: 'space_b' }, 'bob').name).toBe('Replied in CISO');
  });

  it('refuses a change made on an older version, saying who changed it and when', () => {
    const made = store.create(DRAFT, 'ana');
    clock += 2 * MINUTE;
    const renamed = store.update(made.id, { version: 1, name: 'CISO replies' }, 'bob');
    expect(renamed).toMatchObject({ name: 'CISO replies', version: 2, updatedBy: 'bob', createdBy: 'ana' });
    clock += 2 * MINUTE;
    expect(() =>
      store.update(made.id, { version: 1, filters: { ...DRAFT.filters, stage: null } }, 'ana'),
    ).toThrow(
      '"CISO replies" was changed by bob 2 minutes ago: reload it to see their change, then make yours again.',
    );
    expect(store.get(made.id)).toEqual(renamed);
  });

  it('deletes with the current version only, and restores the same view', () => {
    const made = store.create(DRAFT, 'ana');
    const changed = store.update(made.id, { version: 1, columns: { ...DRAFT.columns, visible: [] } }, 'ana');
    expect(() => store.remove(made.id, 1, 'bob')).toThrow(/was changed by ana just now/);
    store.remove(made.id, changed.version, 'bob');
    expect(store.list('space_a')).toEqual([]);
    expect(() => store.get(made.id)).toThrow('This view was deleted by bob just now.');
    const restored = store.restore(made.id, 'bob');
    expect(restored).toMatchObject({ id: made.id, createdBy: 'ana', columns: changed.columns });
    expect(store.list('space_a')).toEqual([restored]);
  });

  it('does not restore over a newer view of the same name, and forgets deleted views after a day', () => {
    const made = store.create(DRAFT, 'ana');
    store.remove(made.id, 1, 'ana');
    const again = store.create(DRAFT, 'bob');
    expect(() => store.restore(made.id, 'ana')).toThrow(/already has a view named/);
    store.remove(again.id, 1, 'bob');
    store.close();
    clock += RESTORABLE_MS + 1;
    store = open();
    expect(() => store.restore(again.id, 'bob')).toThrow('There is no such view: it may have been deleted.');
  });
});
