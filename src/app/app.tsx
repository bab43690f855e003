import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { PreferencesControl } from '../features/preferences/preferences-control';
import { SessionBadge } from '../features/session/session-badge';
import { MountLater, MountLaterRoot } from '../lib/mount-later';
import { AppMark } from './app-mark';
import { ErrorBoundary } from './error-boundary';
import { CurrentScreen, ScreenNav } from './screens';

/** `queryClient` is made before React mounts, so that the first page can be asked for at once. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <MountLaterRoot>
          <div className="flex h-full flex-col">
            <header className="flex min-h-12 flex-none flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 px-4 py-1.5 dark:border-slate-800">
              <AppMark />
              <h1 className="text-base font-semibold tracking-tight whitespace-nowrap">Mailstand Contacts</h1>
              <ScreenNav />
              <div className="ml-auto flex items-center gap-4">
                <p className="hidden text-xs text-slate-500 md:block dark:text-slate-400">
                  Press <kbd className="font-mono">?</kbd> for keyboard shortcuts
                </p>
                <MountLater>
                  <PreferencesControl />
                  <SessionBadge />
                </MountLater>
              </div>
            </header>
            <CurrentScreen />
          </div>
        </MountLaterRoot>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
