import { useCallback, useMemo, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ProgressBar } from '../../../components/ui/progress-bar';
import type { Campaign, Contact } from '../../../shared/contract';
import { describeApiError } from '../api/api-client';
import { usePageFields } from '../columns/page-fields';
import { ContactsToolbar } from './contacts-toolbar';
import { MountLater } from '../../../lib/mount-later';
import { ContactDetail, preloadContactDetail } from '../detail/contact-detail';
import { DriftNotice } from '../drift/drift-notice';
import { writeFilters, type ContactFilters } from '../params/filter-params';
import type { ContactFiltersApi } from '../filters/use-contact-filters';
import { ShortcutsHelp } from '../keyboard/shortcuts-help';
import { useContactShortcuts } from '../keyboard/use-contact-shortcuts';
import { PagingFooter } from '../paging/paging-footer';
import { usePreferences } from '../../preferences/use-preferences';
import type { Selection } from '../selection/selection';
import { ContactsTable, ROW_HEIGHTS } from '../table/contacts-table';
import type { GridHandle } from '../table/grid-focus';
import { useContactsTable } from '../table/use-contacts-table';
import { EmptyResults } from './empty-results';
import { ResultsHeader } from './results-header';
import { ServedNote } from './served-note';
import { SortingNote } from './sorting-note';
import { useContactsPage } from './use-contacts-page';
import { useGridColumns } from './use-grid-columns';
import type { WorkspaceRef } from './workspace-ref';

type ContactsResultsProps = {
  filters: ContactFilters;
  workspace: WorkspaceRef;
  campaign: Campaign | null;
  /** False while a campaign from the URL is not yet known to exist: no request for it until then. */
  campaignReady: boolean;
  /** The page of these filters has loaded and its rows are painted: the browser is idle after them. */
  onPageSettled: (filters: ContactFilters) => void;
} & Pick<ContactFiltersApi, 'setFilters' | 'clearFilters' | 'reportInvalid'>;

const NO_CONTACTS: Contact[] = [];

/**
 * One workspace's contacts: the page, the grid over it, and what reads the rows as shown (the
 * toolbar's export, selection, keyboard shortcuts). The table's row model owns the rows as shown.
 */
export function ContactsResults({
  filters,
  workspace,
  campaign,
  campaignReady,
  setFilters,
  clearFilters,
  reportInvalid,
  onPageSettled,
}: ContactsResultsProps) {
  const campaignSelected = filters.campaign !== null;
  const page = useContactsPage(
    filters,
    usePageFields(workspace.id, campaignSelected),
    campaignReady,
    reportInvalid,
    onPageSettled,
  );
  const grid = useGridColumns(workspace.id, campaignSelected);
  const contacts = page.shown?.data ?? NO_CONTACTS;
  const table = useContactsTable({
    contacts,
    columns: grid.columns,
    ...grid.state,
    sortable: true,
  });
  const { rows } = table.getRowModel();
  // Unsorted, the rows stand in the page's own order: no copy of up to 2000 contacts per page.
  const sorted = table.state.sorting.length > 0;
  const shownContacts = useMemo(
    () => (sorted ? rows.map((row) => row.original) : contacts),
    [sorted, rows, contacts],
  );

  const [selection, setSelection] = useState<Selection<Contact>>(() => new Map());
  const [helpOpen, setHelpOpen] = useState(false);
  const gridRef = useRef<GridHandle>(null);
  const { preferences } = usePreferences();

  // A record without an id has no detail to open (the row says so on hover).
  const openContact = useCallback(
    (contact: Contact) => contact.id !== '' && setFilters({ contact: contact.id }),
    [setFilters],
  );
  const closeContact = useCallback(() => {
    const id = filters.contact;
    setFilters({ contact: null });
    if (id !== null) gridRef.current?.focusContact(id);
  }, [filters.contact, setFilters]);
  useContactShortcuts({ grid: gridRef, onOpen: openContact, onHelp: () => setHelpOpen(true) });

  const interaction = useMemo(
    () => ({ selection, onSelectionChange: setSelection, onOpen: openContact }),
    [selection, openContact],
  );
  const tableProps = {
    table,
    onColumnResize: grid.resizeColumn,
    rowHeight: ROW_HEIGHTS[preferences.density],
    scrollResetKey: writeFilters({ ...filters, contact: null }),
    interaction,
    ref: gridRef,
  };

  const { query } = page;
  let body;
  if (query.isError) {
    const problem = describeApiError(query.error);
    body = (
      <>
        <ErrorPanel title={problem.title} message={problem.message} onRetry={() => void query.refetch()} />
        {page.shown && <ContactsTable busy stale {...tableProps} />}
      </>
    );
  } else if (page.settled && page.settled.total_found === 0) {
    body = <EmptyResults filters={filters} workspace={workspace} onClearFilters={clearFilters} />;
  } else {
    body = <ContactsTable placeholder={page.shown === undefined} busy={query.isFetching} {...tableProps} />;
  }

  return (
    <>
      <ResultsHeader
        workspace={workspace}
        campaign={campaign}
        campaignSelected={campaignSelected}
        retryError={query.isFetching ? query.failureReason : null}
      >
        {page.settled && !query.isFetching && <ServedNote served={page.settled.served} />}
        <Button
          variant="ghost"
          onClick={page.refresh}
          disabled={!campaignReady || query.isFetching}
          title="Load these contacts again from Mailstand, past the server's short cache"
        >
          Refresh
        </Button>
        <MountLater>
          <ContactsToolbar
            filters={filters}
            workspace={workspace}
            campaign={campaign}
            shownColumns={grid.shownColumns}
            arrangement={grid.arrangement}
            selection={selection}
            onSelectionChange={setSelection}
            pageRows={shownContacts}
            totalFound={page.settled?.total_found ?? null}
            note={
              <SortingNote
                sorting={table.state.sorting}
                columns={grid.shownColumns}
                onClear={() => table.resetSorting(true)}
              />
            }
          />
        </MountLater>
      </ResultsHeader>
      {/* Pointing at or tabbing into the rows is the sign a contact may be opened next. */}
      <div
        className="relative flex min-h-0 flex-1 flex-col"
        onPointerOver={preloadContactDetail}
        onFocus={preloadContactDetail}
      >
        {(query.isFetching || !campaignReady) && <ProgressBar label="Loading contacts" />}
        {!query.isError && <DriftNotice drift={page.shown?.drift} />}
        {body}
      </div>
      {filters.contact !== null && (
        <ContactDetail contactId={filters.contact} workspace={workspace.id} onClose={closeContact} />
      )}
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {!query.isError && (
        <PagingFooter
          page={filters.page}
          display={filters.display}
          totals={
            query.data ? { totalFound: query.data.total_found, totalPages: query.data.total_pages } : null
          }
          onPageChange={(next) => setFilters({ page: next })}
          onDisplayChange={(display) => setFilters({ display })}
        />
      )}
    </>
  );
}
