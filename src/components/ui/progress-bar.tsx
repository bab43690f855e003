/** A thin indeterminate progress bar: something is loading, how long is unknown. */
export function ProgressBar({ label }: { label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      className="pointer-events-none absolute inset-x-0 top-0 z-20 h-0.5 overflow-hidden bg-sky-100 dark:bg-sky-950"
    >
      <div className="h-full w-1/3 animate-progress motion-reduce:animate-none bg-sky-600 dark:bg-sky-400" />
    </div>
  );
}
