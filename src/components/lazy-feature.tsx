import { Component, Suspense, use, type ComponentType, type ReactNode } from 'react';
import { ErrorPanel } from './ui/error-panel';

/** A feature's code could not be fetched (network, server restart, a deploy in between). */
export class FeatureLoadError extends Error {
  /** Lets the next attempt fetch again; until then every render sees this failure, not a new fetch. */
  readonly retry: () => void;

  constructor(cause: unknown, retry: () => void) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Its code did not arrive (${reason}). Check the connection and retry.`, { cause });
    this.name = 'FeatureLoadError';
    this.retry = retry;
  }
}

export type LazyModule<T> = {
  /** Fetches the code once; a failure stays until its FeatureLoadError's retry. */
  load: () => Promise<T>;
  /**
   * Starts fetching on the first sign of intent (hover or focus of what opens the feature). Its
   * failure does not stick (opening fetches again) and it does not repeat on every hover.
   */
  preload: () => void;
  /** The code once it has arrived, so a caller can use it at once (in the same click or render). */
  loaded: () => T | null;
};

/**
 * Code in its own chunk, fetched on first use or on intent. Not React.lazy: a lazy component
 * keeps its first failed import forever, so Retry could never fetch again.
 */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  let preloaded = false;
  const forget = () => {
    loading = null;
  };
  const load = () => {
    loading ??= importer().then(
      (code) => (loaded = code),
      (cause: unknown) => {
        throw new FeatureLoadError(cause, forget);
      },
    );
    return loading;
  };
  const preload = () => {
    if (preloaded) return;
    preloaded = true;
    load().catch(forget);
  };
  return { load, preload, loaded: () => loaded };
}

export type LazyFeature<P> = Omit<LazyModule<ComponentType<P>>, 'loaded'> & {
  /** Renders the feature: suspends while its code loads, throws FeatureLoadError when that fails. */
  Component: ComponentType<P>;
};

/** A component whose code is its own chunk (see lazyModule). */
export function lazyFeature<P extends object>(importer: () => Promise<ComponentType<P>>): LazyFeature<P> {
  const { load, preload, loaded } = lazyModule(importer);
  function Feature(props: P) {
    // Once loaded, rendered at once: no fallback frame after a preload.
    const Loaded = loaded() ?? use(load());
    return <Loaded {...props} />;
  }
  return { Component: Feature, load, preload };
}

type FeatureBoundaryProps = {
  /** Names the feature in the failure: "Could not load the contact details". */
  what: string;
  /** Shown while the code loads, in the feature's place and size. */
  loading: ReactNode;
  /** Puts the failure where the feature would be (its frame, so it can still be closed). */
  frame?: (failure: ReactNode) => ReactNode;
  children: ReactNode;
};

/**
 * Around a lazy feature: its loading placeholder, and when its code fails to arrive a message
 * with Retry in its place, not a blank page. Other errors are bugs: they go on to the app's boundary.
 */
export class FeatureBoundary extends Component<FeatureBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    const { what, loading, frame = (failure: ReactNode) => failure, children } = this.props;
    if (error === null) return <Suspense fallback={loading}>{children}</Suspense>;
    if (!(error instanceof FeatureLoadError)) throw error;
    return frame(
      <ErrorPanel
        title={`Could not load ${what}`}
        message={error.message}
        onRetry={() => {
          error.retry();
          this.setState({ error: null });
        }}
      />,
    );
  }
}
