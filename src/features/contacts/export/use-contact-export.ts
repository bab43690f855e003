import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contact } from '../../../shared/contract';
import type { ContactFilters } from '../filters/filter-params';
import { csvHeader, csvRows, type CsvColumn } from './csv';
import { exportMatchingContacts, type ExportProgress } from './export-contacts';
import { describeStop } from './export-plan';
import { canSaveToFile, createBlobSink, downloadFile, openFileSink, type ExportSink } from './export-sink';

/** What the export area shows. At most one "all matching" export runs at a time. */
export type ExportState =
  | { phase: 'idle' }
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

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function useContactExport() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);

  // Leaving the page's view (unmount) stops a running export rather than letting it run unseen.
  useEffect(() => () => controllerRef.current?.abort(), []);

  /** The current page or the selection: already in memory, written and downloaded at once. */
  const exportRows = useCallback(
    (rows: readonly Contact[], columns: CsvColumn<Contact>[], fileName: string) => {
      const file = new Blob([csvHeader(columns), csvRows(rows, columns)], { type: 'text/csv;charset=utf-8' });
      downloadFile(file, fileName);
      setState({ phase: 'done', fileName, rows: rows.length, savedToFile: false });
    },
    [],
  );

  /**
   * Every contact matching the filters. Call it straight from the click: the save-file picker
   * (where the browser has one) needs the user's gesture.
   */
  const exportAll = useCallback(
    async (filters: ContactFilters, columns: CsvColumn<Contact>[], fileName: string) => {
      if (controllerRef.current) return;
      const controller = new AbortController();
      controllerRef.current = controller;
      let deliveredName = fileName;
      let sink: ExportSink;
      try {
        sink = canSaveToFile()
          ? await openFileSink(fileName)
          : createBlobSink((file) => downloadFile(file, deliveredName));
      } catch (error) {
        controllerRef.current = null;
        // Closing the picker is a change of mind, not a failure.
        if (!isAbortError(error)) {
          const reason = error instanceof Error ? error.message : String(error);
          setState({
            phase: 'stopped',
            fileName,
            message: `Could not open the file: ${reason}`,
            rows: 0,
            savedToFile: false,
            downloadPartial: null,
          });
        }
        return;
      }

      const initial: ExportProgress = {
        fetched: 0,
        total: null,
        pagesDone: 0,
        pages: null,
        etaMs: null,
        waitingUntil: null,
      };
      setState({ phase: 'running', fileName, progress: initial });
      const result = await exportMatchingContacts({
        filters,
        columns,
        sink,
        signal: controller.signal,
        onProgress: (progress) => setState({ phase: 'running', fileName, progress }),
      });
      controllerRef.current = null;

      if (result.status === 'complete') {
        await sink.finish();
        setState({ phase: 'done', fileName, rows: result.fetched, savedToFile: sink.streamsToDisk });
        return;
      }
      const { progress } = result;
      const message =
        result.status === 'cancelled'
          ? `Export cancelled after ${progress.fetched.toLocaleString('en-US')} contacts.`
          : describeStop({
              fetched: progress.fetched,
              total: progress.total,
              failedPage: result.failedPage,
              pages: progress.pages,
              reason: result.reason,
            });
      if (sink.streamsToDisk) {
        // What was written stays in the chosen file; closing it makes that visible on disk.
        await sink.finish().catch(() => undefined);
        setState({
          phase: 'stopped',
          fileName,
          message,
          rows: progress.fetched,
          savedToFile: true,
          downloadPartial: null,
        });
        return;
      }
      const downloadPartial = () => {
        // A partial file must not pass for the whole export in a downloads folder.
        deliveredName = fileName.replace(/\.csv$/, '-partial.csv');
        void sink.finish();
        setState((current) =>
          current.phase === 'stopped' ? { ...current, downloadPartial: null } : current,
        );
      };
      setState({
        phase: 'stopped',
        fileName,
        message,
        rows: progress.fetched,
        savedToFile: false,
        downloadPartial: progress.fetched > 0 ? downloadPartial : null,
      });
    },
    [],
  );

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, exportRows, exportAll, cancel, dismiss };
}
