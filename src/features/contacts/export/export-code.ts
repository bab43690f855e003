// What "Export CSV" fetches on first use or on intent (see useContactExport): one chunk of its own.
export { ExportReport } from './export-report';
export { runExport } from './run-export';
