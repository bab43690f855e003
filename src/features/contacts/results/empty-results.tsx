import { Button } from '../../../components/ui/button';
import { MessagePanel } from '../../../components/ui/message-panel';
import { activeFilterChips, type ContactFilters } from '../params/filter-params';
import type { WorkspaceRef } from './workspace-ref';

/** No contact at all, or none matching the filters (with the way out). */
export function EmptyResults({
  filters,
  workspace,
  onClearFilters,
}: {
  filters: ContactFilters;
  workspace: WorkspaceRef;
  onClearFilters: () => void;
}) {
  return activeFilterChips(filters).length === 0 ? (
    <MessagePanel title={`${workspace.name ?? 'This workspace'} has no contacts yet`}>
      <p className="text-sm text-slate-600 dark:text-slate-400">Contacts added in Mailstand show up here.</p>
    </MessagePanel>
  ) : (
    <MessagePanel title="No contacts match these filters">
      <Button variant="primary" onClick={onClearFilters}>
        Clear filters
      </Button>
    </MessagePanel>
  );
}
