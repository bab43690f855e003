import { useRef, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';

/** Wide enough for the sidebar beside the grid (Tailwind's md); narrower, it becomes a drawer. */
export const SIDEBAR_BESIDE_GRID = '(min-width: 768px)';

type FilterDrawerProps = {
  /** How many filters narrow the list now, shown on the button that opens the drawer. */
  activeCount: number;
  /** The sidebar, unchanged: the drawer is only its container. */
  children: ReactNode;
};

/**
 * The filters on a narrow screen: a "Filters" button above the grid opens them in a modal dialog
 * from the left. The native dialog moves focus in, traps it, closes on Escape and gives focus back
 * to the button; a click on the dimmed page beside it closes it too.
 */
export function FilterDrawer({ activeCount, children }: FilterDrawerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <div className="flex flex-none items-center border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <Button aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
          Filters
          {activeCount > 0 && (
            <span className="rounded-full bg-sky-700 px-1.5 text-xs font-semibold text-white dark:bg-sky-500 dark:text-slate-950">
              {activeCount}
              <span className="sr-only"> active</span>
            </span>
          )}
        </Button>
      </div>
      <dialog
        ref={dialog}
        aria-label="Filters"
        onClick={(event) => {
          if (event.target === event.currentTarget) event.currentTarget.close();
        }}
        className="m-0 h-full max-h-none w-72 max-w-[85vw] bg-white text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:bg-slate-950 dark:text-slate-100"
      >
        <div className="flex h-full flex-col">
          <div className="flex flex-none items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-800">
            <h2 className="text-base font-semibold">Filters</h2>
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              Close
            </Button>
          </div>
          <div className="flex min-h-0 flex-1">{children}</div>
        </div>
      </dialog>
    </>
  );
}
