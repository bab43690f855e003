import { FeatureBoundary, lazyFeature } from '../../components/lazy-feature';
import type { SavedViewsProps } from './saved-views-panel';
import { SavedViewsHeading } from './saved-views-heading';

// The list, its counts and dialogs are a chunk of their own: the first load stays small, and the
// list waits for the server's answer anyway.
const panel = lazyFeature(() => import('./saved-views-panel').then((module) => module.SavedViewsPanel));

/** In the sidebar: a navigation landmark with the workspace's saved views. */
export function SavedViews(props: SavedViewsProps) {
  return (
    <nav aria-label="Saved views" className="flex flex-col gap-2">
      <FeatureBoundary
        what="the saved views"
        loading={
          <>
            <SavedViewsHeading />
            <p className="text-sm text-slate-500 dark:text-slate-400">Loading saved views…</p>
          </>
        }
      >
        <panel.Component {...props} />
      </FeatureBoundary>
    </nav>
  );
}
