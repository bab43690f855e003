import { Button } from './button';

type ErrorPanelProps = { title: string; message: string; onRetry: () => void };

/** A failure said in words, with a way to try again; the rest of the app keeps working around it. */
export function ErrorPanel({ title, message, onRetry }: ErrorPanelProps) {
  return (
    <div
      role="alert"
      className="m-6 flex max-w-2xl flex-col items-start gap-3 rounded-lg border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-50"
    >
      <h2 className="font-semibold">{title}</h2>
      <p className="text-sm break-words">{message}</p>
      <Button variant="primary" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}
