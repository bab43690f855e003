import type { FeatureLoadError } from '../../../components/lazy-feature';
import type { Contact } from '../../../shared/contract';
import type { ContactFilters } from '../params/filter-params';
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

/** The strip under the toolbar that tells how an export goes. */
export const EXPORT_STATUS_FRAME =
  'flex flex-none flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-800';
