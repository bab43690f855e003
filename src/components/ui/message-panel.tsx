import type { ReactNode } from 'react';

/** A calm full-area message: an empty result, a prompt to choose something. */
export function MessagePanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-base font-semibold">{title}</p>
      {children}
    </div>
  );
}
