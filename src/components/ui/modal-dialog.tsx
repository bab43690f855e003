import { useEffect, useId, useRef, type ReactNode } from 'react';

type ModalDialogProps = {
  title: ReactNode;
  onClose: () => void;
  /** Tailwind width class; the dialog never grows past 90% of the viewport. */
  width?: string;
  children: ReactNode;
};

/** A modal <dialog> with its title as its name, open while rendered. */
export function ModalDialog({ title, onClose, width = 'w-96', children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    // A modal <dialog> traps focus, makes the page behind it inert and closes on Escape.
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        // Escape: close through React state, so the dialog is not left half-closed.
        event.preventDefault();
        onClose();
      }}
      className={`m-auto ${width} max-w-[90vw] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-2xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      <h2 id={titleId} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
