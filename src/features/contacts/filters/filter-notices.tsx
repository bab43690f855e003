import { Button } from '../../../components/ui/button';

type FilterNoticesProps = { notices: string[]; onDismiss: () => void };

/** What was corrected in the URL, said once and politely; the live region exists before the text arrives. */
export function FilterNotices({ notices, onDismiss }: FilterNoticesProps) {
  return (
    <div role="status">
      {notices.length > 0 && (
        <div className="flex items-start gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100">
          <ul className="flex-1 list-disc space-y-0.5 pl-4">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
          <Button variant="ghost" className="-my-1 py-1" onClick={onDismiss}>
            Dismiss
          </Button>
        </div>
      )}
    </div>
  );
}
