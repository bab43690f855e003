import { useEffect, useEffectEvent, useState } from 'react';

/** How long typing must pause before the search applies: one request and one history entry per settled search. */
const SETTLE_MS = 300;

type EmailSearchProps = { value: string; disabled: boolean; onSearch: (search: string) => void };

export function EmailSearch({ value, disabled, onSearch }: EmailSearchProps) {
  // The draft is what is typed; the URL (value) is what applies. When the URL changes from
  // elsewhere (Back, a removed chip, Clear filters) the draft follows it.
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
  }

  const apply = useEffectEvent((search: string) => onSearch(search));
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => apply(draft), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="email-search" className="text-sm font-semibold">
        Search email
      </label>
      <input
        id="email-search"
        type="search"
        value={draft}
        disabled={disabled}
        placeholder="e.g. @acme.com"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && draft !== value) onSearch(draft);
        }}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900"
      />
    </div>
  );
}
