import { useCallback, useEffect, useRef, useState } from 'react';
import { FeatureLoadError, lazyModule } from '../../../components/lazy-feature';
import type { runExport } from './export-code';
import type { ExportRequest, ExportState } from './export-state';

/** CSV text, paging through the API, the file and the progress report: not needed for the first screen. */
export const exportCode = lazyModule(() => import('./export-code'));

export function useContactExport() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);

  // Leaving the page's view (unmount) stops a running export rather than letting it run unseen.
  useEffect(() => () => controllerRef.current?.abort(), []);

  /**
   * Call it straight from the click: the save-file picker (where the browser has one) needs the
   * user's gesture, so once the code is here the export starts within the click.
   */
  const start = useCallback(function start(request: ExportRequest) {
    // Everything, or a selection whose rows may be fetched again, takes a while: one at a time.
    const lasting = request.what.kind !== 'page';
    if (lasting && controllerRef.current) return;
    const controller = new AbortController();
    if (lasting) controllerRef.current = controller;
    const run = async (code: { runExport: typeof runExport }) => {
      try {
        // Leaving the view while the code was on its way cancelled the export before it began.
        if (!controller.signal.aborted) await code.runExport(request, controller.signal, setState);
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
      // The save-file picker was closed: a change of mind, nothing to say.
      setState((current) => (current.phase === 'loading' ? { phase: 'idle' } : current));
    };
    const loaded = exportCode.loaded();
    if (loaded) {
      void run(loaded);
      return;
    }
    setState({ phase: 'loading' });
    exportCode.load().then(run, (error: unknown) => {
      if (controllerRef.current === controller) controllerRef.current = null;
      if (!(error instanceof FeatureLoadError)) throw error;
      setState({
        phase: 'unavailable',
        error,
        retry: () => {
          error.retry();
          start(request);
        },
      });
    });
  }, []);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, preload: exportCode.preload, cancel, dismiss };
}
