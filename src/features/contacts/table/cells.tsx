import type { ReactNode } from 'react';
import type { Timestamp } from '../../../shared/contract';
import {
  EMPTY_MARK,
  formatLeadScore,
  isNumericLeadScore,
  formatRelative,
  formatTimestamp,
  formatUtc,
  safeUrl,
  telHref,
} from './format';
import { stageBadge, stageTitle } from './stage-badge';

/*
 * How each kind of value shows in a cell. Values are untrusted spreadsheet text, rendered only as
 * React text children; a link only for an http(s) URL or a phone number.
 */

/**
 * What one cell shows, and the text of its hover title. The grid sets the title on the cell
 * itself, so plain text needs no element of its own: every element in a row is one more to style
 * and lay out on each scroll step.
 */
export type CellFormat<TValue> = {
  content: (value: TValue) => ReactNode;
  title: (value: TValue) => string | undefined;
};

/** No cell is wider than this many characters, so a 10,000-character note costs no more layout than a short one. */
const MAX_CELL_CHARS = 300;

export const EMPTY_CONTENT = <span className="text-slate-400 dark:text-slate-600">{EMPTY_MARK}</span>;

function isBlank(value: string | null): value is null {
  return value === null || value.trim() === '';
}

/** Text truncated to the column, with the full value in the hover title. */
export const textCell: CellFormat<string | null> = {
  content: (value) =>
    isBlank(value) ? EMPTY_CONTENT : value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value,
  title: (value) => (isBlank(value) ? undefined : value),
};

const LINK_CLASS = 'text-sky-700 underline-offset-2 hover:underline dark:text-sky-400';

/** A web link only when the value is an http(s) URL; anything else stays text. */
export const linkCell: CellFormat<string | null> = {
  content: (value) => {
    const href = safeUrl(value);
    return href === null ? (
      textCell.content(value)
    ) : (
      <a href={href} target="_blank" rel="noopener noreferrer" className={LINK_CLASS}>
        {value}
      </a>
    );
  },
  title: textCell.title,
};

/** A tel: link only when the value reads as a phone number. */
export const phoneCell: CellFormat<string | null> = {
  content: (value) => {
    const href = telHref(value);
    return href === null ? (
      textCell.content(value)
    ) : (
      <a href={href} className={LINK_CLASS}>
        {value}
      </a>
    );
  },
  title: textCell.title,
};

/** A number when the score reads as one (no title needed), the text as it came otherwise. */
export const leadScoreCell: CellFormat<string | null> = {
  content: (value) => {
    if (isBlank(value)) return EMPTY_CONTENT;
    const score = formatLeadScore(value);
    return score.numeric ? score.text : textCell.content(score.text);
  },
  title: (value) => (isNumericLeadScore(value) ? undefined : textCell.title(value)),
};

/** The hover title of a row whose record came without an id. */
export const NO_ID_TITLE = 'This record came without a contact id: its details cannot be opened or selected.';

/** Why a marked value is shown as it came. */
export const UNREADABLE_NOTE = 'Could not be read as a date and time; shown as sent';

/** A value the app could not read, as sent, marked so it is not mistaken for a read one. */
export const unreadableCell: CellFormat<string> = {
  content: (value) => (
    <>
      <span role="img" aria-label="Unreadable value" className="mr-1 text-amber-700 dark:text-amber-400">
        ⚠
      </span>
      {value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value}
    </>
  ),
  title: (value) => `${UNREADABLE_NOTE}: ${value}`,
};

/** Local date and time, how long ago, and the exact UTC instant on hover. */
export const timestampCell: CellFormat<Timestamp> = {
  content: (seconds) =>
    seconds === null ? (
      EMPTY_CONTENT
    ) : typeof seconds === 'string' ? (
      unreadableCell.content(seconds)
    ) : (
      <>
        {formatTimestamp(seconds)}
        <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">
          {formatRelative(seconds, Date.now())}
        </span>
      </>
    ),
  title: (seconds) =>
    seconds === null
      ? undefined
      : typeof seconds === 'string'
        ? unreadableCell.title(seconds)
        : formatUtc(seconds),
};

export const stageCell: CellFormat<string | null> = {
  content: (value) => (isBlank(value) ? EMPTY_CONTENT : stageBadge(value)),
  title: (value) => (isBlank(value) ? undefined : stageTitle(value)),
};
