import { isRecord } from '../../../shared/contract';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../../../shared/views/view-limits';

/**
 * Which columns a person sees, in what order and how wide, per workspace. Pure: storage and the
 * URL hand in untrusted text; everything that comes back is a valid layout for the columns that
 * exist (custom fields differ per workspace, so a stored layout may name columns that do not).
 */

/**
 * A column the table can show, listed in its default order. `follows` names the column it stays
 * right after (the campaign timestamps after Stage) until the person moves it.
 */
export type ColumnOption = { id: string; label: string; defaultVisible: boolean; follows?: string };

export type ColumnLayout = {
  /** Every known column, once, in display order (hidden ones keep their place for when shown). */
  order: string[];
  visible: string[];
  /** Widths set by dragging; absent means the column's default width. */
  widths: Record<string, number>;
  /** Columns the person moved by hand: a column that `follows` another stays where they put it. */
  placed?: string[];
};

export { MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH };

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

export function defaultLayout(columns: readonly ColumnOption[]): ColumnLayout {
  return {
    order: keepFollowers(
      columns.map((column) => column.id),
      columns,
      new Set(),
    ),
    visible: columns.filter((column) => column.defaultVisible).map((column) => column.id),
    widths: {},
  };
}

/** A stored list of column ids; anything else counts as an empty list. */
function storedIds(value: unknown): string[] {
  return Array.isArray(value) && value.every((id): id is string => typeof id === 'string') ? value : [];
}

/**
 * A valid layout from whatever was stored (or null): unknown ids dropped, duplicates removed,
 * columns the stored layout never heard of added at their default place and visibility, widths
 * clamped. Not knowing the stored value at all gives the default layout.
 */
export function resolveLayout(stored: unknown, columns: readonly ColumnOption[]): ColumnLayout {
  // Checked by hand: zod/mini's catch, record and enum schemas, used for nothing else in the
  // browser, were 1 KB gzip of the first load (with preferences.ts).
  if (!isRecord(stored)) return defaultLayout(columns);
  const known = new Set(columns.map((column) => column.id));
  const storedOrder = unique(storedIds(stored.order).filter((id) => known.has(id)));
  const seen = new Set(storedOrder);
  const order = [...storedOrder];
  columns.forEach((column, index) => {
    if (seen.has(column.id)) return;
    // Put a new column after the column that precedes it by default, so it lands near its kin.
    const previous = columns[index - 1]?.id;
    const at = previous === undefined ? 0 : order.indexOf(previous) + 1;
    order.splice(at, 0, column.id);
  });
  const storedVisible = new Set(storedIds(stored.visible));
  const placed = unique(storedIds(stored.placed).filter((id) => known.has(id)));
  const arranged = keepFollowers(order, columns, new Set(placed));
  const visible = arranged.filter((id) =>
    seen.has(id) ? storedVisible.has(id) : columns.find((column) => column.id === id)?.defaultVisible,
  );
  const widths = validWidths(isRecord(stored.widths) ? stored.widths : {}, known);
  return { order: arranged, visible, widths, ...(placed.length > 0 ? { placed } : {}) };
}

/**
 * Puts each column that `follows` another right after it (several after one, in their default
 * order), unless the person placed it. A column whose leader is unknown stays where it is.
 */
function keepFollowers(
  order: string[],
  columns: readonly ColumnOption[],
  placed: ReadonlySet<string>,
): string[] {
  const followers = columns.filter(
    (column) => column.follows !== undefined && !placed.has(column.id) && order.includes(column.follows),
  );
  if (followers.length === 0) return order;
  const moving = new Set(followers.map((column) => column.id));
  const arranged = order.filter((id) => !moving.has(id));
  const lastBehind = new Map<string, string>();
  for (const { id, follows = '' } of followers) {
    const after = lastBehind.get(follows) ?? follows;
    arranged.splice(arranged.indexOf(after) + 1, 0, id);
    lastBehind.set(follows, id);
  }
  return arranged;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function validWidths(widths: Record<string, unknown>, known: ReadonlySet<string>): Record<string, number> {
  const valid: Record<string, number> = {};
  for (const [id, width] of Object.entries(widths)) {
    if (known.has(id) && typeof width === 'number' && Number.isFinite(width)) valid[id] = clampWidth(width);
  }
  return valid;
}

/** The shown columns, in order. */
export function visibleColumnIds(layout: ColumnLayout): string[] {
  const visible = new Set(layout.visible);
  return layout.order.filter((id) => visible.has(id));
}

export function setColumnVisible(layout: ColumnLayout, id: string, visible: boolean): ColumnLayout {
  if (!layout.order.includes(id)) return layout;
  const others = layout.visible.filter((other) => other !== id);
  const next = visible ? new Set([...others, id]) : new Set(others);
  return { ...layout, visible: layout.order.filter((other) => next.has(other)) };
}

/**
 * Moves a shown column one place left (-1) or right (+1) among the shown columns: stepping over
 * hidden ones would look like nothing happened.
 */
export function moveColumn(layout: ColumnLayout, id: string, direction: -1 | 1): ColumnLayout {
  const shown = visibleColumnIds(layout);
  const position = shown.indexOf(id);
  const neighbour = shown[position + direction];
  if (position === -1 || neighbour === undefined) return layout;
  const order = layout.order.filter((other) => other !== id);
  const neighbourIndex = order.indexOf(neighbour);
  order.splice(direction === -1 ? neighbourIndex : neighbourIndex + 1, 0, id);
  // Both changed places relative to each other: neither may snap back behind the column it follows.
  return { ...layout, order, placed: unique([...(layout.placed ?? []), id, neighbour]) };
}

export function setColumnWidth(layout: ColumnLayout, id: string, width: number): ColumnLayout {
  if (!layout.order.includes(id) || !Number.isFinite(width)) return layout;
  return { ...layout, widths: { ...layout.widths, [id]: clampWidth(width) } };
}

// In the URL: shown columns in order, "." between them, "~width" after a resized one. All four
// characters are unreserved in URLs, so the link stays readable: cols=email~240.full_name.stage
const COLUMN_SEPARATOR = '.';
const WIDTH_SEPARATOR = '~';

export function encodeLayoutParam(layout: ColumnLayout): string {
  return visibleColumnIds(layout)
    .map((id) => {
      const width = layout.widths[id];
      return width === undefined ? id : `${id}${WIDTH_SEPARATOR}${width}`;
    })
    .join(COLUMN_SEPARATOR);
}

/**
 * The layout a shared link describes: its columns shown in its order, every other column hidden
 * (kept in default order after them). Unknown columns are reported, not kept.
 */
export function decodeLayoutParam(
  param: string,
  columns: readonly ColumnOption[],
): { layout: ColumnLayout; unknown: string[] } {
  const known = new Set(columns.map((column) => column.id));
  const shown: string[] = [];
  const widths: Record<string, number> = {};
  const unknown: string[] = [];
  for (const entry of param.split(COLUMN_SEPARATOR)) {
    if (entry === '') continue;
    const [id = '', width] = entry.split(WIDTH_SEPARATOR);
    if (!known.has(id)) {
      unknown.push(id);
      continue;
    }
    if (shown.includes(id)) continue;
    shown.push(id);
    if (width !== undefined && /^\d{1,6}$/.test(width)) widths[id] = clampWidth(Number(width));
  }
  if (shown.length === 0) return { layout: defaultLayout(columns), unknown };
  // The link's order is what its author arranged; only columns it hides keep to their leaders.
  const order = keepFollowers(
    [...shown, ...columns.map((column) => column.id).filter((id) => !shown.includes(id))],
    columns,
    new Set(shown),
  );
  return { layout: { order, visible: shown, widths, placed: shown }, unknown };
}

export function columnLayoutStorageKey(workspace: string): string {
  return `mailstand:columns:v1:${workspace}`;
}
