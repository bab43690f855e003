import { LOCAL_TIME_COLUMN, formatLocalTime } from './local-time';
import { EMPTY_CONTENT } from './cells';
import type { ContactColumn } from './contact-table';

/**
 * "Local time": the contact's wall clock from its timezone, to call or email in working hours.
 * Outside them the time is dimmed. Computed when the row renders; the table re-renders its rows
 * at least on every page change, which is fresh enough to pick an hour to call.
 */
export const localTimeColumn: ContactColumn = {
  id: LOCAL_TIME_COLUMN.id,
  accessorFn: (contact) => formatLocalTime(contact.timezone, new Date())?.text ?? null,
  header: LOCAL_TIME_COLUMN.label,
  cell: ({ row }) => {
    const local = formatLocalTime(row.original.timezone, new Date());
    if (local === null) return EMPTY_CONTENT;
    return local.workingHours ? (
      local.text
    ) : (
      <span className="text-slate-500 dark:text-slate-400">{local.text}</span>
    );
  },
  size: 190,
  sortFn: 'cellValue',
  sortDescFirst: false,
  meta: {
    label: LOCAL_TIME_COLUMN.label,
    align: 'start',
    defaultVisible: false,
    campaignOnly: false,
    title: (contact) => {
      const local = formatLocalTime(contact.timezone, new Date());
      if (local === null) return undefined;
      return local.workingHours ? 'Within working hours' : 'Outside working hours (Mon–Fri 9:00–18:00)';
    },
  },
};
