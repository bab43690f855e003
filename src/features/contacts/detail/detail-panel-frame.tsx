import { usePrefetchQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { contactQuery } from '../api/queries';

type DetailPanelFrameProps = {
  title: string;
  /** Focus moves to the heading whenever this changes (another contact opened). */
  contactId: string;
  onClose: () => void;
  children: ReactNode;
};

/**
 * The contact panel beside the table (non-modal: the table stays usable and keeps its scroll
 * position). Esc or Close calls onClose; the caller puts focus back on the row. The same frame
 * shows while the panel's code loads, so opening it never jumps.
 */
export function DetailPanelFrame({ title, contactId, onClose, children }: DetailPanelFrameProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Focus moves into the panel so a keyboard user lands on what just opened.
  useEffect(() => {
    headingRef.current?.focus();
  }, [contactId]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A modal dialog above the panel (the shortcuts) takes its own Escape first.
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside
      role="dialog"
      aria-labelledby={headingId}
      className="fixed inset-y-0 right-0 z-30 flex w-[30rem] max-w-full flex-col border-l border-slate-200 bg-white shadow-2xl dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="flex items-start gap-3 border-b border-slate-200 p-4 dark:border-slate-700">
        <h2
          id={headingId}
          ref={headingRef}
          tabIndex={-1}
          className="min-w-0 flex-1 text-lg font-semibold break-words focus:outline-none"
        >
          {title}
        </h2>
        <Button variant="ghost" onClick={onClose} aria-label="Close contact details">
          Close
        </Button>
      </header>
      <div className="flex-1 overflow-y-auto p-4">{children}</div>
    </aside>
  );
}

/** Placeholder lines while the contact (or the panel's code) is on its way. */
export function DetailSkeleton() {
  return (
    <div role="progressbar" aria-label="Loading contact" className="flex flex-col gap-3">
      {[0, 1, 2, 3, 4].map((row) => (
        <div
          key={row}
          className="h-4 animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-700"
        />
      ))}
    </div>
  );
}

/** While the panel's code loads: its frame, with the contact's request already on its way. */
export function DetailPanelLoading({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  usePrefetchQuery(contactQuery(contactId));
  return (
    <DetailPanelFrame title="Loading contact…" contactId={contactId} onClose={onClose}>
      <DetailSkeleton />
    </DetailPanelFrame>
  );
}
