import { Button } from '../../../components/ui/button';
import { MessagePanel } from '../../../components/ui/message-panel';
import type { Workspace } from '../../../shared/contract';
import { activeFilterChips, type ContactFilters } from '../params/filter-params';

/** No contact at all, or none matching the filters (with the way out). */
export function EmptyResults({
  filters,
  workspace,
  onClearFilters,
}: {
  filters: ContactFilters;
  workspace: Workspace;
  onClearFilters: () => void;
}) {
  return activeFilterChips(filters).length === 0 ? (
    <MessagePanel title={`${workspace.name} has no contacts yet`}>
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
