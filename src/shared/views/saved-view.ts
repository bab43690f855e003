import { array, boolean, nullable, number, object, safeParse, strictObject, string, unknown } from 'zod/mini';
import { readId, readSearch, readStage, type EngagementFilter, type Stage } from '../contract';
import { DISPLAY_SIZES, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type DisplaySize } from './view-limits';

/**
 * Saved views, shared by everyone who uses one server: what a view holds, the rules it obeys and
 * the paths of the server's own endpoints. The server refuses what breaks a rule and the app
 * checks the same rules before it sends, so a view never holds what the contact browser's URL
 * would refuse (the filters go through the contract's readers).
 */

export const VIEWS_PATH = '/app-api/views';

export const MAX_VIEW_NAME_LENGTH = 80;
/** Far more than any team keeps in one workspace; a cap keeps the sidebar and the store small. */
export const MAX_VIEWS_PER_WORKSPACE = 200;

/** Field codes and the app's own column ids; no "." or "~", which separate columns in a link. */
const COLUMN_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_COLUMNS = 500;

export type ViewFilters = {
  campaign: string | null;
  stage: Stage | null;
  search: string;
  display: DisplaySize;
} & Record<EngagementFilter, boolean>;

export type ViewColumns = {
  /** Every column the view knows, in display order (hidden ones keep their place). */
  order: string[];
  visible: string[];
  /** Widths set by dragging; absent means the column's default width. */
  widths: Record<string, number>;
};

/** What a person sends to make a view. */
export type ViewDraft = {
  workspace: string;
  name: string;
  filters: ViewFilters;
  columns: ViewColumns;
};

export type SavedView = ViewDraft & {
  id: string;
  /** Raised by every change; a change must name the version it was made on. */
  version: number;
  createdBy: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
};

/** A change to a view: any of its name, filters and columns, made on `version`. */
export type ViewChange = {
  version: number;
  name?: string;
  filters?: ViewFilters;
  columns?: ViewColumns;
};

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

// C0 and C1 control characters and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** A view's name, trimmed with inner runs of spaces made one; empty, over-long or control characters refused. */
export function checkViewName(raw: unknown): Checked<string> {
  if (typeof raw !== 'string') return fail('The view needs a name.');
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') return fail('The view needs a name.');
  if (CONTROL_CHARACTERS.test(name)) return fail('A view name cannot hold control characters.');
  const length = Array.from(name).length;
  if (length > MAX_VIEW_NAME_LENGTH)
    return fail(`A view name has at most ${MAX_VIEW_NAME_LENGTH} characters (this one has ${length}).`);
  return { ok: true, value: name };
}

/** Two names that differ only in case or spacing are the same name to a person reading the list. */
export function viewNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}

export function checkWorkspace(raw: unknown): Checked<string> {
  if (typeof raw !== 'string') return fail('The view needs a workspace.');
  const id = readId('workspace', raw);
  return id.ok ? id : fail(`The workspace ${JSON.stringify(raw.slice(0, 80))} is not ${id.rule}.`);
}

const filtersShape = strictObject({
  campaign: nullable(string()),
  stage: nullable(string()),
  search: string(),
  display: number(),
  has_opened: boolean(),
  has_clicked: boolean(),
  has_replied: boolean(),
  has_bounced: boolean(),
});

/** The filters of a view, by the rules the contact browser's URL follows. */
export function checkViewFilters(raw: unknown): Checked<ViewFilters> {
  const shape = safeParse(filtersShape, raw);
  if (!shape.success)
    return fail(
      'The filters must hold campaign, stage, search, display and the four engagement flags, and nothing else.',
    );
  const { campaign, stage, search, display, ...flags } = shape.data;
  if (campaign !== null) {
    const id = readId('campaign', campaign);
    if (!id.ok) return fail(`The campaign filter is not ${id.rule}.`);
  }
  let checkedStage: Stage | null = null;
  if (stage !== null) {
    const verdict = readStage(stage);
    if (!verdict.ok) return fail(`The stage filter is not ${verdict.rule}.`);
    checkedStage = verdict.value;
  }
  const searchVerdict = readSearch(search);
  if (!searchVerdict.ok) return fail(`The search has ${searchVerdict.rule}.`);
  if (CONTROL_CHARACTERS.test(search)) return fail('The search cannot hold control characters.');
  const size = DISPLAY_SIZES.find((candidate) => candidate === display);
  if (size === undefined) return fail(`The page size must be one of ${DISPLAY_SIZES.join(', ')}.`);
  return { ok: true, value: { campaign, stage: checkedStage, search, display: size, ...flags } };
}

const columnsShape = strictObject({
  order: array(string()),
  visible: array(string()),
  // Checked by hand below: zod's record schema would add to every first load of the app.
  widths: unknown(),
});

/** The column layout of a view: known-looking ids, each once, visible ones among them, widths in range. */
export function checkViewColumns(raw: unknown): Checked<ViewColumns> {
  const shape = safeParse(columnsShape, raw);
  if (!shape.success) return fail('The columns must be an order, the visible ones and their widths.');
  const { order, visible } = shape.data;
  if (!isObject(shape.data.widths))
    return fail('The columns must be an order, the visible ones and their widths.');
  if (order.length > MAX_COLUMNS) return fail(`A view holds at most ${MAX_COLUMNS} columns.`);
  const badId = order.find((id) => !COLUMN_ID.test(id));
  if (badId !== undefined) return fail(`${JSON.stringify(badId.slice(0, 80))} is not a column id.`);
  const known = new Set(order);
  if (known.size !== order.length) return fail('A column appears twice in the order.');
  if (new Set(visible).size !== visible.length || visible.some((id) => !known.has(id)))
    return fail('The visible columns must be columns of the order, each once.');
  const widths: Record<string, number> = {};
  for (const [id, width] of Object.entries(shape.data.widths)) {
    if (!known.has(id))
      return fail(`A width is given for ${JSON.stringify(id.slice(0, 80))}, not a column of the order.`);
    if (
      typeof width !== 'number' ||
      !Number.isInteger(width) ||
      width < MIN_COLUMN_WIDTH ||
      width > MAX_COLUMN_WIDTH
    )
      return fail(`Column widths are whole pixels from ${MIN_COLUMN_WIDTH} to ${MAX_COLUMN_WIDTH}.`);
    widths[id] = width;
  }
  return { ok: true, value: { order, visible, widths } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request body that makes a view. */
export function checkViewDraft(raw: unknown): Checked<ViewDraft> {
  if (!isObject(raw)) return fail('Send the view as a JSON object.');
  const workspace = checkWorkspace(raw.workspace);
  if (!workspace.ok) return workspace;
  const name = checkViewName(raw.name);
  if (!name.ok) return name;
  const filters = checkViewFilters(raw.filters);
  if (!filters.ok) return filters;
  const columns = checkViewColumns(raw.columns);
  if (!columns.ok) return columns;
  return {
    ok: true,
    value: { workspace: workspace.value, name: name.value, filters: filters.value, columns: columns.value },
  };
}

/** A request body that changes a view: the version it was made on and what it changes. */
export function checkViewChange(raw: unknown): Checked<ViewChange> {
  if (!isObject(raw)) return fail('Send the change as a JSON object.');
  const { version } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('A change names the version of the view it was made on (reload the view to get it).');
  const change: ViewChange = { version };
  if (raw.name !== undefined) {
    const name = checkViewName(raw.name);
    if (!name.ok) return name;
    change.name = name.value;
  }
  if (raw.filters !== undefined) {
    const filters = checkViewFilters(raw.filters);
    if (!filters.ok) return filters;
    change.filters = filters.value;
  }
  if (raw.columns !== undefined) {
    const columns = checkViewColumns(raw.columns);
    if (!columns.ok) return columns;
    change.columns = columns.value;
  }
  return { ok: true, value: change };
}

const savedViewShape = object({
  id: string(),
  workspace: string(),
  name: string(),
  filters: filtersShape,
  columns: columnsShape,
  version: number(),
  createdBy: string(),
  createdAt: number(),
  updatedBy: string(),
  updatedAt: number(),
});

/** A view as the server sent it, checked by the same rules; null when it breaks one. */
export function readSavedView(raw: unknown): SavedView | null {
  const shape = safeParse(savedViewShape, raw);
  if (!shape.success) return null;
  const draft = checkViewDraft(shape.data);
  return draft.ok ? { ...shape.data, ...draft.value } : null;
}

export function viewPath(id: string): string {
  return `${VIEWS_PATH}/${encodeURIComponent(id)}`;
}
