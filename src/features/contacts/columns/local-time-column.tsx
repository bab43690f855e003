import { LOCAL_TIME_COLUMN, formatLocalTime } from '../detail/local-time';
import type { ContactColumn } from '../table/columns';
import { EMPTY_CELL } from '../table/cells';

/**
 * "Local time": the contact's wall clock from its timezone, to call or email in working hours.
 * Outside them the time is dimmed. Computed when the row renders; the table re-renders its rows
 * at least on every page change, which is fresh enough to pick an hour to call.
 */
export const localTimeColumn: ContactColumn = {
  id: LOCAL_TIME_COLUMN.id,
  accessorFn: (contact) => formatLocalTime(contact.timezone, new Date())?.text ?? null,
  header: LOCAL_TIME_COLUMN.label,
  size: 190,
  meta: {
    label: LOCAL_TIME_COLUMN.label,
    align: 'start',
    defaultVisible: false,
    campaignOnly: false,
    render: (contact) => {
      const local = formatLocalTime(contact.timezone, new Date());
      if (local === null) return EMPTY_CELL;
      return local.workingHours
        ? { content: local.text, title: 'Within working hours' }
        : {
            content: <span className="text-slate-500 dark:text-slate-400">{local.text}</span>,
            title: 'Outside working hours (Mon–Fri 9:00–18:00)',
          };
    },
  },
};
