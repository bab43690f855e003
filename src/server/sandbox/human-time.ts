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
