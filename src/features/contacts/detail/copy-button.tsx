import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';

type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays on screen: long enough to read, short enough not to go stale. */
const CONFIRMATION_MS = 2500;

/** Copies text and says so where the person is looking (and to screen readers, via role=status). */
export function CopyButton({ text, label, disabled }: { text: string; label: string; disabled?: boolean }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    // The Clipboard API exists only in secure contexts (https or localhost).
    if (!navigator.clipboard) {
      setState('failed');
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <span className="inline-flex items-center gap-2">
      <Button onClick={copy} disabled={disabled}>
        {label}
      </Button>
      <span role="status" className="text-sm">
        {state === 'copied' && <span className="text-emerald-700 dark:text-emerald-400">Copied</span>}
        {state === 'failed' && (
          <span className="text-red-700 dark:text-red-400">
            Could not copy: the browser refused clipboard access.
          </span>
        )}
      </span>
    </span>
  );
}
