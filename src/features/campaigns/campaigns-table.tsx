import { followAppLink } from '../../lib/navigation';
import { formatCount } from '../contacts/table/format';
import { formatRate, type CampaignRow, type Rate } from './campaign-rows';
import { contactsHref } from './contacts-link';
import type { OverviewSort, SortKey } from './overview-params';

type CampaignsTableProps = {
  rows: CampaignRow[];
  workspace: string;
  sort: OverviewSort;
  onSort: (sort: OverviewSort) => void;
  /** The campaign whose funnel shows beside the table. */
  focused: string | null;
  onFocus: (campaign: string) => void;
};

type Column = { key: SortKey; label: string; numeric: boolean };
type RateKey = 'open_rate' | 'reply_rate' | 'bounce_rate';

const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', numeric: false },
  { key: 'status', label: 'Status', numeric: false },
  { key: 'steps', label: 'Steps', numeric: true },
  { key: 'contacts', label: 'Contacts', numeric: true },
  { key: 'open_rate', label: 'Open rate', numeric: true },
  { key: 'reply_rate', label: 'Reply rate', numeric: true },
  { key: 'bounce_rate', label: 'Bounce rate', numeric: true },
];

/** The rate columns, in the order above, with the colour of their bars. */
const RATE_BARS: readonly { key: RateKey; bar: string }[] = [
  { key: 'open_rate', bar: 'bg-sky-500' },
  { key: 'reply_rate', bar: 'bg-violet-500' },
  { key: 'bounce_rate', bar: 'bg-orange-500' },
];

/** A native table: its rows are a few hundred at most, and a screen reader reads it as it is. */
export function CampaignsTable({ rows, workspace, sort, onSort, focused, onFocus }: CampaignsTableProps) {
  return (
    <table aria-label="Campaigns" className="w-full border-collapse text-sm">
      <caption className="sr-only">
        Rates are shares of the contacts sent a first email. Choose a campaign's funnel button to see its
        stage funnel.
      </caption>
      <thead className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-900">
        <tr>
          {COLUMNS.map((column) => {
            const active = sort.key === column.key;
            // Numbers are most often wanted highest first, names A to Z.
            const next = { key: column.key, descending: active ? !sort.descending : column.numeric };
            return (
              <th
                key={column.key}
                scope="col"
                aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                className={`border-b border-slate-200 px-3 py-2 font-semibold dark:border-slate-800 ${column.numeric ? 'text-right' : 'text-left'}`}
              >
                <button
                  type="button"
                  onClick={() => onSort(next)}
                  className="inline-flex items-center gap-1 rounded hover:underline"
                >
                  {column.label}
                  <span aria-hidden="true" className="w-3 text-slate-500">
                    {active ? (sort.descending ? '↓' : '↑') : ''}
                  </span>
                </button>
              </th>
            );
          })}
          <th
            scope="col"
            className="border-b border-slate-200 px-3 py-2 text-left font-semibold dark:border-slate-800"
          >
            Funnel
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            className={`border-b border-slate-100 dark:border-slate-800 ${row.id === focused ? 'bg-sky-50 dark:bg-sky-950/40' : ''}`}
          >
            <th scope="row" className="max-w-80 truncate px-3 py-1.5 text-left font-medium">
              <a
                href={contactsHref(workspace, row.id)}
                onClick={followAppLink}
                className="text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
                title={row.name}
              >
                {row.name}
              </a>
            </th>
            <td className="px-3 py-1.5">{row.status ?? '—'}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{countText(row.steps)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{countText(row.contacts)}</td>
            {RATE_BARS.map(({ key, bar }) => (
              <td key={key} className="px-3 py-1.5 text-right tabular-nums">
                <RateCell value={row[key]} bar={bar} />
              </td>
            ))}
            <td className="px-3 py-1.5">
              <button
                type="button"
                aria-pressed={row.id === focused}
                aria-label={`Stage funnel of ${row.name}`}
                onClick={() => onFocus(row.id)}
                className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 aria-pressed:border-sky-600 aria-pressed:bg-sky-100 dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-pressed:bg-sky-900"
              >
                Funnel
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function countText(value: number | null): string {
  return value === null ? '—' : formatCount(value);
}

/** The rate as text, and beside it a small bar of its share (decoration: the text says it). */
function RateCell({ value, bar }: { value: Rate; bar: string }) {
  const width = value === null ? 0 : Math.min(1, Math.max(0, value)) * 100;
  return (
    <span className="inline-flex items-center justify-end gap-2">
      {formatRate(value)}
      <span
        aria-hidden="true"
        className="inline-block h-2 w-16 overflow-hidden rounded-sm bg-slate-200 dark:bg-slate-700"
      >
        <span className={`block h-full ${bar}`} style={{ width: `${width}%` }} />
      </span>
    </span>
  );
}
