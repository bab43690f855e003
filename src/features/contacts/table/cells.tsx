import {
  EMPTY_MARK,
  formatLeadScore,
  formatRelative,
  formatTimestamp,
  formatUtc,
  safeUrl,
  telHref,
} from './format';
import { stageBadge } from './stage-badge';

/*
 * Cell renderers are plain functions, not components: the grid calls one per visible cell while
 * scrolling, and a component per cell would add a fiber and a props object to each of them.
 * Values are untrusted spreadsheet text, rendered only as React text children.
 */

/** No cell is wider than this many characters, so a 10,000-character note costs no more layout than a short one. */
const MAX_CELL_CHARS = 300;

const emptyCell = <span className="text-slate-400 dark:text-slate-600">{EMPTY_MARK}</span>;

function isBlank(value: string | null): value is null {
  return value === null || value.trim() === '';
}

/** Text truncated to the column, with the full value in the hover title. */
export function textCell(value: string | null) {
  if (isBlank(value)) return emptyCell;
  return <span title={value}>{value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value}</span>;
}

const LINK_CLASS = 'text-sky-700 underline-offset-2 hover:underline dark:text-sky-400';

/** A web link only when the value is an http(s) URL; anything else stays text. */
export function linkCell(value: string | null) {
  const href = safeUrl(value);
  if (href === null) return textCell(value);
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" title={value ?? href} className={LINK_CLASS}>
      {value}
    </a>
  );
}

/** A tel: link only when the value reads as a phone number. */
export function phoneCell(value: string | null) {
  const href = telHref(value);
  if (href === null) return textCell(value);
  return (
    <a href={href} title={value ?? href} className={LINK_CLASS}>
      {value}
    </a>
  );
}

export function leadScoreCell(value: string | null) {
  if (isBlank(value)) return emptyCell;
  const score = formatLeadScore(value);
  return score.numeric ? <span className="tabular-nums">{score.text}</span> : textCell(score.text);
}

/** Local date and time, how long ago, and the exact UTC instant on hover. */
export function timestampCell(seconds: number | null) {
  if (seconds === null) return emptyCell;
  return (
    <span title={formatUtc(seconds)} className="tabular-nums">
      {formatTimestamp(seconds)}
      <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">
        {formatRelative(seconds, Date.now())}
      </span>
    </span>
  );
}

export function stageCell(value: string | null) {
  return isBlank(value) ? emptyCell : stageBadge(value);
}
