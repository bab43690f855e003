/** The time words Mailstand uses in its responses ("47 minutes ago", "06/01/2023"). */

const UNITS = [
  { name: 'year', seconds: 365 * 86_400 },
  { name: 'month', seconds: 30 * 86_400 },
  { name: 'day', seconds: 86_400 },
  { name: 'hour', seconds: 3_600 },
  { name: 'minute', seconds: 60 },
] as const;

/** "47 minutes ago", "1 day ago", "just now"; both arguments in Unix seconds. */
export function timeAgo(seconds: number, now: number): string {
  const elapsed = Math.max(0, now - seconds);
  for (const unit of UNITS) {
    const count = Math.floor(elapsed / unit.seconds);
    if (count >= 1) return `${count} ${unit.name}${count === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/**
 * The words of `timeAgo` as an SQL expression, for an INTEGER column (null stays null) and a
 * moment in Unix seconds. A page of contacts puts thousands of moments in words: SQLite computing
 * them itself costs a fraction of calling back into JavaScript for each one. The singular is its
 * own branch: it needs no number turned into text.
 */
export function timeAgoSql(column: string, now: string): string {
  const elapsed = `(${now} - ${column})`;
  const units = UNITS.map(
    ({ name, seconds }) =>
      `WHEN ${elapsed} >= ${2 * seconds} THEN CAST(${elapsed} / ${seconds} AS INTEGER) || ' ${name}s ago' ` +
      `WHEN ${elapsed} >= ${seconds} THEN '1 ${name} ago'`,
  );
  return `CASE ${units.join(' ')} WHEN ${column} IS NULL THEN NULL ELSE 'just now' END`;
}

/** "MM/DD/YYYY" in UTC, the format of job_start_date and graduation_date. */
export function usDate(seconds: number): string {
  const date = new Date(seconds * 1000);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${month}/${day}/${date.getUTCFullYear()}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jul 19, 2022" in UTC, for a campaign's expected end. */
export function shortDate(seconds: number): string {
  const date = new Date(seconds * 1000);
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}
