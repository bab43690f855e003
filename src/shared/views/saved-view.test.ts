import { describe, expect, it } from 'vitest';
import {
  checkViewChange,
  checkViewColumns,
  checkViewDraft,
  checkViewFilters,
  checkViewName,
  MAX_VIEW_NAME_LENGTH,
  readSavedView,
  viewNameKey,
  type ViewFilters,
} from './saved-view';

const FILTERS: ViewFilters = {
  campaign: 'camp_abc123',
  stage: 'Replied',
  search: 'acme',
  display: 250,
  has_opened: true,
  has_clicked: false,
  has_replied: true,
  has_bounced: false,
};
const COLUMNS = {
  order: ['full_name', 'stage', 'custom_1'],
  visible: ['stage', 'full_name'],
  widths: { stage: 140 },
};
const DRAFT = { workspace: 'space_abc', name: 'Interested in CISO', filters: FILTERS, columns: COLUMNS };

describe('checkViewName', () => {
  it('trims and collapses spaces', () => {
    expect(checkViewName('  Hot   leads ')).toEqual({ ok: true, value: 'Hot leads' });
  });

  it.each([
    ['', 'The view needs a name.'],
    ['   ', 'The view needs a name.'],
    [42, 'The view needs a name.'],
    ['a\u0007b', 'A view name cannot hold control characters.'],
  ])('refuses %j', (name, message) => {
    expect(checkViewName(name)).toEqual({ ok: false, message });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(checkViewName('😀'.repeat(MAX_VIEW_NAME_LENGTH)).ok).toBe(true);
    expect(checkViewName('x'.repeat(MAX_VIEW_NAME_LENGTH + 1))).toEqual({
      ok: false,
      message: `A view name has at most ${MAX_VIEW_NAME_LENGTH} characters (this one has ${MAX_VIEW_NAME_LENGTH + 1}).`,
    });
  });

  it('treats names differing in case or spacing as the same name', () => {
    expect(viewNameKey(' Hot  LEADS')).toBe(viewNameKey('hot leads'));
    expect(viewNameKey('Hot leads')).not.toBe(viewNameKey('Hot lead'));
  });
});

describe('checkViewFilters', () => {
  it('keeps valid filters as they are', () => {
    expect(checkViewFilters(FILTERS)).toEqual({ ok: true, value: FILTERS });
  });

  it.each([
    [{ campaign: 'nope' }, 'The campaign filter is not a Mailstand campaign id.'],
    [{ stage: 'replied' }, 'The stage filter is not a Mailstand stage, spelled exactly.'],
    [{ search: 'x'.repeat(201) }, 'The search has at most 200 characters.'],
    [{ search: 'a\nb' }, 'The search cannot hold control characters.'],
    [{ display: 37 }, 'The page size must be one of 25, 50, 100, 250, 500, 1000, 2000.'],
  ])('refuses what the URL would not keep: %j', (patch, message) => {
    expect(checkViewFilters({ ...FILTERS, ...patch })).toEqual({ ok: false, message });
  });

  it('refuses missing and unknown fields', () => {
    const { has_bounced: _dropped, ...missing } = FILTERS;
    expect(checkViewFilters(missing).ok).toBe(false);
    expect(checkViewFilters({ ...FILTERS, page: 3 }).ok).toBe(false);
    expect(checkViewFilters('?stage=Replied').ok).toBe(false);
  });
});

describe('checkViewColumns', () => {
  it('keeps a valid layout', () => {
    expect(checkViewColumns(COLUMNS)).toEqual({ ok: true, value: COLUMNS });
  });

  it.each([
    [{ order: ['stage', 'stage'], visible: [], widths: {} }, 'A column appears twice in the order.'],
    [{ order: ['a.b'], visible: [], widths: {} }, '"a.b" is not a column id.'],
    [
      { order: ['stage'], visible: ['city'], widths: {} },
      'The visible columns must be columns of the order, each once.',
    ],
    [
      { order: ['stage'], visible: [], widths: { city: 100 } },
      'A width is given for "city", not a column of the order.',
    ],
    [
      { order: ['stage'], visible: [], widths: { stage: 59 } },
      'Column widths are whole pixels from 60 to 800.',
    ],
    [
      { order: ['stage'], visible: [], widths: { stage: 100.5 } },
      'Column widths are whole pixels from 60 to 800.',
    ],
  ])('refuses %j', (columns, message) => {
    expect(checkViewColumns(columns)).toEqual({ ok: false, message });
  });
});

describe('checkViewDraft and checkViewChange', () => {
  it('checks every part of a new view', () => {
    expect(checkViewDraft(DRAFT)).toEqual({ ok: true, value: DRAFT });
    expect(checkViewDraft({ ...DRAFT, workspace: 'space_a/b' })).toEqual({
      ok: false,
      message: 'The workspace "space_a/b" is not a Mailstand workspace id.',
    });
    expect(checkViewDraft(null)).toEqual({ ok: false, message: 'Send the view as a JSON object.' });
  });

  it('needs the version a change was made on', () => {
    expect(checkViewChange({ name: 'New' }).ok).toBe(false);
    expect(checkViewChange({ version: 2, name: ' New ' })).toEqual({
      ok: true,
      value: { version: 2, name: 'New' },
    });
    expect(checkViewChange({ version: 2, filters: { ...FILTERS, display: 3 } }).ok).toBe(false);
  });
});

describe('readSavedView', () => {
  const view = {
    ...DRAFT,
    id: 'view_1',
    version: 1,
    createdBy: 'ana',
    createdAt: 1,
    updatedBy: 'ana',
    updatedAt: 1,
  };

  it('reads a view the server sent, and nothing that breaks the rules', () => {
    expect(readSavedView(view)).toEqual(view);
    expect(readSavedView({ ...view, filters: { ...FILTERS, stage: '<b>x</b>' } })).toBeNull();
    expect(readSavedView({ ...view, createdBy: undefined })).toBeNull();
  });
});
