import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../components/ui/button';

type State = { error: Error | null };

/**
 * The last line of defence: a render error anywhere shows what went wrong and a way out,
 * never a blank page. Errors from the API are shown where they happen; this catches bugs.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Mailstand Contacts crashed while rendering', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="mx-auto flex max-w-xl flex-col gap-4 p-8">
        <h1 className="text-xl font-semibold">Mailstand Contacts</h1>
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-medium">Something went wrong and the page could not be shown.</p>
          <p className="mt-1 text-sm break-words">{error.message}</p>
        </div>
        <div>
          <Button variant="primary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </div>
      </main>
    );
  }
}
