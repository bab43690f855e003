const SKELETON_ROWS = 14;
const skeletonWidths = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6'];

/** Placeholder rows for the first load, so the layout does not jump when the rows arrive. */
export function SkeletonRows({ rowHeight }: { rowHeight: number }) {
  return (
    <div aria-hidden="true" className="flex flex-col">
      {Array.from({ length: SKELETON_ROWS }, (_, row) => (
        <div
          key={row}
          className="flex gap-6 border-b border-slate-100 px-3 dark:border-slate-800/70"
          style={{ height: rowHeight }}
        >
          {skeletonWidths.map((width, cell) => (
            <div key={cell} className="flex flex-1 items-center">
              <div className={`h-3 animate-pulse rounded bg-slate-200 dark:bg-slate-800 ${width}`} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
