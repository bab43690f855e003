import { useCallback, useEffect, useRef, useState } from 'react';
import { FeatureLoadError, lazyModule } from '../../../components/lazy-feature';
import type { Contact } from '../../../shared/contract';
import type { ContactFilters } from '../filters/filter-params';
import type { runExport } from './export-code';
import type { ExportProgress } from './export-contacts';

/** What to export, as it was when the person chose it. */
export type ExportRequest = {
  /** The page and the selection carry their rows in the order shown; "all" pages through the API. */
  what:
    | { kind: 'all' }
    | { kind: 'page'; rows: readonly Contact[] }
    | { kind: 'selection'; rows: readonly Contact[] };
  filters: ContactFilters;
  workspaceName: string;
  campaignName: string | null;
  /** The grid's columns in order, with their labels: what the table shows is what is exported. */
  columns: readonly { id: string; label: string }[];
};

/** What the export area shows. At most one "all matching" export runs at a time. */
export type ExportState =
  | { phase: 'idle' }
  /** The export's code is on its way (it was not preloaded). */
  | { phase: 'loading' }
  /** The export's code could not be fetched; Retry fetches it again and starts the same export. */
  | { phase: 'unavailable'; error: FeatureLoadError; retry: () => void }
  | { phase: 'running'; fileName: string; progress: ExportProgress }
  | { phase: 'done'; fileName: string; rows: number; savedToFile: boolean }
  | {
      phase: 'stopped';
      fileName: string;
      message: string;
      rows: number;
      /** The fetched rows are already in the chosen file (File System Access). */
      savedToFile: boolean;
      /** Downloads the rows fetched so far; null once downloaded or when they are already saved. */
      downloadPartial: (() => void) | null;
    };

/** Its progress, and what became of it: told by the export's own code. */
export type ExportOutcome = Extract<ExportState, { phase: 'running' | 'done' | 'stopped' }>;

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
    const everything = request.what.kind === 'all';
    if (everything && controllerRef.current) return;
    const controller = new AbortController();
    if (everything) controllerRef.current = controller;
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
