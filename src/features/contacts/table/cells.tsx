import type { ReactNode } from 'react';
import type { Timestamp } from '../../../shared/contract';
import {
  EMPTY_MARK,
  formatLeadScore,
  formatRelative,
  formatTimestamp,
  formatUtc,
  safeUrl,
  telHref,
} from './format';
import { stageBadge, stageTitle } from './stage-badge';

/*
 * Cell renderers are plain functions, not components: the grid calls one per visible cell while
 * scrolling, and a component per cell would add a fiber and a props object to each of them.
 * Values are untrusted spreadsheet text, rendered only as React text children.
 */

/**
 * What one cell shows, and the text of its hover title. The grid sets the title on the cell
 * itself, so plain text needs no element of its own: every element in a row is one more to style
 * and lay out on each scroll step.
 */
export type CellView = { content: ReactNode; title?: string };

/** No cell is wider than this many characters, so a 10,000-character note costs no more layout than a short one. */
const MAX_CELL_CHARS = 300;

export const EMPTY_CELL: CellView = {
  content: <span className="text-slate-400 dark:text-slate-600">{EMPTY_MARK}</span>,
};

function isBlank(value: string | null): value is null {
  return value === null || value.trim() === '';
}

/** Text truncated to the column, with the full value in the hover title. */
export function textCell(value: string | null): CellView {
  if (isBlank(value)) return EMPTY_CELL;
  return { content: value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value, title: value };
}

const LINK_CLASS = 'text-sky-700 underline-offset-2 hover:underline dark:text-sky-400';

/** A web link only when the value is an http(s) URL; anything else stays text. */
export function linkCell(value: string | null): CellView {
  const href = safeUrl(value);
  if (href === null) return textCell(value);
  return {
    content: (
      <a href={href} target="_blank" rel="noopener noreferrer" className={LINK_CLASS}>
        {value}
      </a>
    ),
    title: value ?? href,
  };
}

/** A tel: link only when the value reads as a phone number. */
export function phoneCell(value: string | null): CellView {
  const href = telHref(value);
  if (href === null) return textCell(value);
  return {
    content: (
      <a href={href} className={LINK_CLASS}>
        {value}
      </a>
    ),
    title: value ?? href,
  };
}

export function leadScoreCell(value: string | null): CellView {
  if (isBlank(value)) return EMPTY_CELL;
  const score = formatLeadScore(value);
  return score.numeric ? { content: score.text } : textCell(score.text);
}

/** The hover title of a row whose record came without an id. */
export const NO_ID_TITLE = 'This record came without a contact id: its details cannot be opened or selected.';

/** Why a marked value is shown as it came. */
export const UNREADABLE_NOTE = 'Could not be read as a date and time; shown as sent';

/** A value the app could not read, as sent, marked so it is not mistaken for a read one. */
export function unreadableCell(value: string): CellView {
  return {
    content: (
      <>
        <span role="img" aria-label="Unreadable value" className="mr-1 text-amber-700 dark:text-amber-400">
          ⚠
        </span>
        {value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value}
      </>
    ),
    title: `${UNREADABLE_NOTE}: ${value}`,
  };
}

/** Local date and time, how long ago, and the exact UTC instant on hover. */
export function timestampCell(seconds: Timestamp): CellView {
  if (seconds === null) return EMPTY_CELL;
  if (typeof seconds === 'string') return unreadableCell(seconds);
  return {
    content: (
      <>
        {formatTimestamp(seconds)}
        <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">
          {formatRelative(seconds, Date.now())}
        </span>
      </>
    ),
    title: formatUtc(seconds),
  };
}

export function stageCell(value: string | null): CellView {
  return isBlank(value) ? EMPTY_CELL : { content: stageBadge(value), title: stageTitle(value) };
}
