import { Button } from '../../../components/ui/button';
import type { Contact } from '../../../shared/contract';
import { CopyButton } from '../detail/copy-button';
import { formatCount } from '../table/format';
import { selectedEmails, type Selection } from '../selection/selection';

type SelectionBarProps = {
  selection: Selection<Contact>;
  onExport: () => void;
  /** An export that takes a while is running; one at a time. */
  exportBusy: boolean;
  onClear: () => void;
};

/** What can be done with the selected rows; shown only while some are selected. */
export function SelectionBar({ selection, onExport, exportBusy, onClear }: SelectionBarProps) {
  if (selection.size === 0) return null;
  return (
    <section
      aria-label="Selection"
      className="flex flex-wrap items-center gap-2 rounded-md bg-sky-50 px-2 py-1 dark:bg-sky-950/60"
    >
      <span className="font-medium tabular-nums">{formatCount(selection.size)} selected</span>
      <CopyButton text={selectedEmails(selection.values())} label="Copy emails" />
      <Button onClick={onExport} disabled={exportBusy}>
        Export selected
      </Button>
      <Button variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </section>
  );
}
