import type { ValueDrift } from '../../../shared/contract';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../detail/copy-button';
import { summariseDrift } from './drift-summary';

/**
 * What drifted on the page: the rows stay visible, this only says how many values in which
 * fields, with one example path, and offers the details for a bug report.
 */
export function DriftNoticePanel({
  drift,
  onDismiss,
}: {
  drift: readonly ValueDrift[];
  onDismiss: () => void;
}) {
  const summary = summariseDrift(drift);
  if (summary === null) return null;
  return (
    <section
      aria-label="Values in unexpected forms"
      className="flex flex-none flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-4 py-1.5 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
    >
      <p className="min-w-0 flex-1">
        {summary.headline} All rows are shown; a value that could not be read is marked ⚠ and shown as sent.
        Example: <code className="font-mono text-xs">{summary.example}</code>.
      </p>
      <CopyButton text={summary.details} label="Copy details" />
      <Button variant="ghost" className="-my-1 py-1" onClick={onDismiss}>
        Dismiss
      </Button>
    </section>
  );
}
