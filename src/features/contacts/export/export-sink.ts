/**
 * Where exported CSV text goes. Where the browser offers the File System Access API the text is
 * written to the chosen file as it arrives; elsewhere each chunk becomes a Blob at once (the
 * browser may keep blob data outside the JS heap) and the parts are downloaded as one file at the end.
 */

export type ExportSink = {
  /** true when written text is already in the user's file; false when it is held until `finish`. */
  readonly streamsToDisk: boolean;
  write(chunk: string): Promise<void>;
  /** Completes the file: closes the saved file, or starts the download. */
  finish(): Promise<void>;
  /** Drops what was written (the saved file is left as it was before). */
  discard(): Promise<void>;
};

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

declare global {
  // Chromium's File System Access API; not in TypeScript's DOM library because others lack it.
  interface Window {
    showSaveFilePicker?: (options?: {
      suggestedName?: string;
      types?: { description?: string; accept: Record<string, string[]> }[];
    }) => Promise<FileSystemFileHandle>;
  }
}

export function canSaveToFile(): boolean {
  return typeof window !== 'undefined' && typeof window.showSaveFilePicker === 'function';
}

/**
 * Asks where to save and opens the file for writing. Call it directly in the click handler: the
 * picker needs the user's gesture. Rejects with an AbortError when the person closes the picker.
 */
export async function openFileSink(suggestedName: string): Promise<ExportSink> {
  const picker = window.showSaveFilePicker;
  if (picker === undefined) throw new Error('This browser cannot save to a chosen file.');
  const handle = await picker.call(window, {
    suggestedName,
    types: [{ description: 'CSV file', accept: { 'text/csv': ['.csv'] } }],
  });
  const stream = await handle.createWritable();
  return {
    streamsToDisk: true,
    write: (chunk) => stream.write(chunk),
    finish: () => stream.close(),
    discard: () => stream.abort(),
  };
}

/** Collects chunks as Blobs and hands the finished file to `deliver` (a download in the browser). */
export function createBlobSink(deliver: (file: Blob) => void): ExportSink {
  let parts: Blob[] = [];
  return {
    streamsToDisk: false,
    async write(chunk) {
      parts.push(new Blob([chunk], { type: CSV_MIME_TYPE }));
    },
    async finish() {
      deliver(new Blob(parts, { type: CSV_MIME_TYPE }));
      parts = [];
    },
    async discard() {
      parts = [];
    },
  };
}

/** Saves a Blob under `fileName` through a temporary object URL and an <a download>. */
export function downloadFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its own reference by the next task; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
