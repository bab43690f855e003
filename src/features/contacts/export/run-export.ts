import type { Dispatch, SetStateAction } from 'react';
import { csvHeader, csvRows } from './csv';
import { csvColumnsFor } from './export-columns';
import { formatCount } from '../table/format';
import { recordFieldOf } from '../table/local-time';
import { completeRows, exportMatchingContacts, noProgressYet } from './export-contacts';
import { describeStop, exportFileName, type ExportScope } from './export-plan';
import { canSaveToFile, createBlobSink, downloadFile, openFileSink, type ExportSink } from './export-sink';
import type { ExportRequest, ExportState } from './export-state';

/**
 * One export from the click to its outcome, told step by step through `report`. The code behind
 * "Export CSV" (CSV text, paging through the API, the file) lives here, in its own chunk: the
 * first screen does not need it, and useContactExport fetches it on intent.
 */
export async function runExport(
  request: ExportRequest,
  signal: AbortSignal,
  report: Dispatch<SetStateAction<ExportState>>,
): Promise<void> {
  const now = new Date();
  const { what } = request;
  const columns = csvColumnsFor(request.columns, now);
  const scope: ExportScope =
    what.kind === 'all'
      ? what
      : what.kind === 'page'
        ? { kind: 'page', page: request.filters.page }
        : { kind: 'selection', count: what.rows.length };
  const fileName = exportFileName({
    workspaceName: request.workspaceName,
    campaignName: request.campaignName,
    filters: request.filters,
    scope,
    date: now,
  });

  if (what.kind !== 'all') {
    // The page or the selection: in memory, written and downloaded at once once it is whole.
    let rows = what.rows;
    if (what.kind === 'selection') {
      const completed = await completeRows({
        rows,
        fields: request.columns.map((column) => recordFieldOf(column.id)),
        campaign: request.filters.campaign,
        signal,
        onProgress: (progress) => report({ phase: 'running', fileName, progress }),
      });
      if (completed.status !== 'complete') {
        const message =
          completed.status === 'cancelled'
            ? 'Export cancelled.'
            : `Could not fetch the selected contacts' other fields: ${completed.reason}`;
        report({ phase: 'stopped', fileName, message, rows: 0, savedToFile: false, downloadPartial: null });
        return;
      }
      rows = completed.rows;
    }
    const file = new Blob([csvHeader(columns), csvRows(rows, columns)], { type: 'text/csv;charset=utf-8' });
    downloadFile(file, fileName);
    report({ phase: 'done', fileName, rows: rows.length, savedToFile: false });
    return;
  }

  let deliveredName = fileName;
  const downloadSink = () => createBlobSink((file) => downloadFile(file, deliveredName));
  let sink: ExportSink;
  try {
    // Still within the click: the save-file picker (where the browser has one) needs the gesture.
    sink = canSaveToFile() ? await openFileSink(fileName) : downloadSink();
  } catch (error) {
    // Closing the picker is a change of mind, not a failure.
    if (isAbortError(error)) return;
    if (isRefusedPicker(error)) {
      // The click's gesture was spent while this code was still loading (or a policy forbids
      // pickers): the file comes as a download instead, as in browsers without a picker.
      sink = downloadSink();
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      report({
        phase: 'stopped',
        fileName,
        message: `Could not open the file: ${reason}`,
        rows: 0,
        savedToFile: false,
        downloadPartial: null,
      });
      return;
    }
  }

  report({ phase: 'running', fileName, progress: noProgressYet() });
  const result = await exportMatchingContacts({
    filters: request.filters,
    columns,
    sink,
    signal,
    onProgress: (progress) => report({ phase: 'running', fileName, progress }),
  });

  if (result.status === 'complete') {
    await sink.finish();
    report({ phase: 'done', fileName, rows: result.fetched, savedToFile: sink.streamsToDisk });
    return;
  }
  const { progress } = result;
  const message =
    result.status === 'cancelled'
      ? `Export cancelled after ${formatCount(progress.fetched)} contacts.`
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
    report({
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
    report((current) => (current.phase === 'stopped' ? { ...current, downloadPartial: null } : current));
  };
  report({
    phase: 'stopped',
    fileName,
    message,
    rows: progress.fetched,
    savedToFile: false,
    downloadPartial: progress.fetched > 0 ? downloadPartial : null,
  });
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The browser would not show the save-file picker: no user gesture left, or not allowed here. */
export function isRefusedPicker(error: unknown): boolean {
  return (
    error instanceof DOMException && (error.name === 'SecurityError' || error.name === 'NotAllowedError')
  );
}
