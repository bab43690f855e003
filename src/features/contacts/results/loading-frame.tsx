import type { ReactNode } from 'react';
import { ProgressBar } from '../../../components/ui/progress-bar';
import type { Contact } from '../../../shared/contract';
import { defaultColumnVisibility, withCustomFieldColumns } from '../table/columns';
import { ContactsTable } from '../table/contacts-table';
import { useContactsTable } from '../table/use-contacts-table';

const PLACEHOLDER_COLUMNS = withCustomFieldColumns([]);
const PLACEHOLDER_VISIBILITY = defaultColumnVisibility(PLACEHOLDER_COLUMNS, false);
const NO_CONTACTS: Contact[] = [];

/** The grid's frame with skeleton rows, while what it needs first is still loading. */
export function LoadingFrame({ children }: { children?: ReactNode }) {
  const table = useContactsTable({
    contacts: NO_CONTACTS,
    columns: PLACEHOLDER_COLUMNS,
    columnVisibility: PLACEHOLDER_VISIBILITY,
    sortable: false,
  });
  return (
    <>
      <div className="flex min-h-10 flex-none items-center border-b border-slate-200 px-4 text-sm dark:border-slate-800">
        {children}
      </div>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <ProgressBar label="Loading contacts" />
        <ContactsTable table={table} placeholder busy scrollResetKey="" />
      </div>
    </>
  );
}
