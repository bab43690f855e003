import { FeatureBoundary, lazyFeature } from '../../../components/lazy-feature';

// Its own chunk: the dialog opens only on "?".
const dialog = lazyFeature(() => import('./shortcuts-dialog').then((module) => module.ShortcutsDialog));

/** The "?" dialog of keyboard shortcuts, fetched when first asked for. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <FeatureBoundary what="the keyboard shortcuts" loading={null}>
      <dialog.Component onClose={onClose} />
    </FeatureBoundary>
  );
}
