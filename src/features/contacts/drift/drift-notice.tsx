import { useState } from 'react';
import { FeatureBoundary, lazyFeature } from '../../../components/lazy-feature';
import type { ValueDrift } from '../../../shared/contract';

// Its own chunk: most pages never drift, and the start carries only this check.
const panel = lazyFeature(() => import('./drift-notice-panel').then((module) => module.DriftNoticePanel));

/** Stays the same while the same fields drift in the same forms, whatever the page. */
function driftSignature(drift: readonly ValueDrift[]): string {
  return drift.map((entry) => `${entry.field}\u0000${entry.form}`).join('\u0001');
}

/**
 * A quiet note above the grid when the page's values came in unexpected forms (see
 * DriftNoticePanel). Dismissed, it stays away while the same fields drift the same way.
 */
export function DriftNotice({ drift }: { drift: readonly ValueDrift[] | undefined }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (drift === undefined || drift.length === 0) return null;
  const signature = driftSignature(drift);
  if (signature === dismissed) return null;
  return (
    <FeatureBoundary what="the note on values in unexpected forms" loading={null}>
      <panel.Component drift={drift} onDismiss={() => setDismissed(signature)} />
    </FeatureBoundary>
  );
}
