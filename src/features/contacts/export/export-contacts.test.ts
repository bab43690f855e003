import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBody, readAnswer, readContactDetailAnswer, type Contact } from '../../../shared/contract';
import { configureApiClient } from '../api/api-client';
import { DEFAULT_FILTERS, type ContactFilters } from '../params/filter-params';
import type { CsvColumn } from './csv';
import { asPageRow, exportMatchingContacts, type ExportProgress } from './export-contacts';
import { createBlobSink, type ExportSink } from './export-sink';

/**
 * A stand-in for Mailstand on 127.0.0.1 that serves GET /api/contacts from a fixed list and can be
 * told to fail particular requests the way Mailstand does.
 */
type Fault = 'rate-limited' | 'out-of-credits' | 'drop';

const CONTACTS = Array.from({ length: 4500 }, (_, i) => ({
  id: `contact_${i}`,
  email: `person${i}@example.com`,
  full_name: i % 7 === 0 ? `=HYPERLINK("http://evil.example","${i}")` : `Person, "${i}"`,
  stage: i % 3 === 0 ? 'Replied' : 'Untouched',
  personal_note_1: i % 11 === 0 ? 'line one\nline two' : null,
}));

let server: Server;
let requests: URLSearchParams[] = [];
let faults = new Map<string, Fault[]>();

function matching(params: URLSearchParams) {
  const stage = params.get('stage');
  return CONTACTS.filter((contact) => stage === null || contact.stage === stage);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.searchParams);
    const page = Number(url.searchParams.get('page'));
    const display = Number(url.searchParams.get('display'));
    const fault = faults.get(String(page))?.shift();
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (fault === 'drop') return res.destroy();
    if (fault === 'rate-limited')
      return json(429, errorBody(429, 'Rate Limited', 'Slow down'), { 'Retry-After': '1' });
    if (fault === 'out-of-credits') return json(429, errorBody(429, 'Too Many Requests', 'No credits left'));
    if (
      url.pathname !== '/api/contacts' ||
      !url.searchParams.get('workspace') ||
      !(display >= 1 && display <= 2000)
    ) {
      return json(400, errorBody(400, 'Missing Fields', 'workspace, page, display'));
    }
    const rows = matching(url.searchParams);
    json(200, {
      status: 'ok',
      data: rows.slice((page - 1) * display, page * display),
      total_found: rows.length,
      current_page: page,
      total_pages: Math.ceil(rows.length / display),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  configureApiClient({ base: `http://127.0.0.1:${address.port}` });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requests = [];
  faults = new Map();
});

const columns: CsvColumn<Contact>[] = [
  { label: 'Email Address', value: (contact) => contact.email },
  { label: 'Full Name', value: (contact) => contact.full_name },
  { label: 'Personal Note 1', value: (contact) => contact.personal_note_1 },
];
const filters: ContactFilters = { ...DEFAULT_FILTERS, workspace: 'space_test' };

async function runExport(
  options: {
    filters?: ContactFilters;
    sink?: ExportSink;
    signal?: AbortSignal;
    onProgress?: (p: ExportProgress) => void;
  } = {},
) {
  const delivered: { file: Blob | null } = { file: null };
  const sink =
    options.sink ??
    createBlobSink((blob) => {
      delivered.file = blob;
    });
  const progress: ExportProgress[] = [];
  const result = await exportMatchingContacts({
    filters: options.filters ?? filters,
    columns,
    sink,
    signal: options.signal ?? new AbortController().signal,
    onProgress: (p) => {
      progress.push(p);
      options.onProgress?.(p);
    },
    retryDelaysMs: [5, 5],
  });
  await sink.finish();
  // Read the bytes as a spreadsheet would: Blob.text() would hide the byte order mark.
  const bytes = new Uint8Array((await delivered.file?.arrayBuffer()) ?? new ArrayBuffer(0));
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { result, progress, text };
}

/** Data lines of the CSV (the writer's own format is tested in csv.test.ts); notes hold one LF. */
function emails(text: string): string[] {
  return [...text.matchAll(/^(person\d+@example\.com),/gm)].map((match) => match[1] ?? '');
}

describe('exportMatchingContacts', () => {
  it('exports every matching contact in pages of 2000 with the filters applied', async () => {
    const { result, progress, text } = await runExport({ filters: { ...filters, stage: 'Replied' } });
    const expected = CONTACTS.filter((contact) => contact.stage === 'Replied');
    expect(result).toEqual({ status: 'complete', fetched: expected.length, total: expected.length });
    expect(emails(text)).toEqual(expected.map((contact) => contact.email));
    expect(
      requests.map((params) => [params.get('page'), params.get('display'), params.get('stage')]),
    ).toEqual([['1', '2000', 'Replied']]);
    expect(text.startsWith('\uFEFFEmail Address,Full Name,Personal Note 1\r\n')).toBe(true);
    expect(text).toContain(`person0@example.com,"'=HYPERLINK(""http://evil.example"",""0"")",`);
    expect(progress.at(-1)).toMatchObject({ fetched: 1500, total: 1500, pagesDone: 1, pages: 1, etaMs: 0 });
  });

  it('reports progress page by page until every page is in', async () => {
    const { result, progress, text } = await runExport();
    expect(result.status).toBe('complete');
    expect(emails(text)).toHaveLength(4500);
    expect(new Set(emails(text)).size).toBe(4500);
    expect(progress.map((p) => [p.fetched, p.pagesDone, p.pages])).toEqual([
      [0, 0, null],
      [2000, 1, 3],
      [4000, 2, 3],
      [4500, 3, 3],
    ]);
  });

  it('waits out a Rate Limited answer and carries on', async () => {
    faults.set('2', ['rate-limited']);
    const { result, progress, text } = await runExport();
    expect(result.status).toBe('complete');
    expect(emails(text)).toHaveLength(4500);
    expect(progress.some((p) => p.waitingUntil !== null && p.pagesDone === 1)).toBe(true);
    expect(requests.map((params) => params.get('page'))).toEqual(['1', '2', '2', '3']);
  });

  it('retries a dropped connection, then stops and keeps what was fetched', async () => {
    faults.set('2', ['drop']);
    const recovered = await runExport();
    expect(recovered.result.status).toBe('complete');

    faults.set('2', ['drop', 'drop', 'drop']);
    const { result, text } = await runExport();
    expect(result).toMatchObject({
      status: 'interrupted',
      failedPage: 2,
      progress: { fetched: 2000, total: 4500 },
    });
    expect(emails(text)).toEqual(CONTACTS.slice(0, 2000).map((contact) => contact.email));
  });

  it('stops at once when the account is out of credits, saying so', async () => {
    faults.set('3', ['out-of-credits']);
    const { result, text } = await runExport();
    expect(result).toMatchObject({
      status: 'interrupted',
      failedPage: 3,
      progress: { fetched: 4000, total: 4500, pages: 3 },
    });
    expect(result.status === 'interrupted' && result.reason).toMatch(/out of API credits/);
    expect(emails(text)).toHaveLength(4000);
    expect(requests).toHaveLength(3);
  });

  it('cancels between pages and while waiting', async () => {
    const controller = new AbortController();
    const { result, text } = await runExport({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.pagesDone === 1) controller.abort();
      },
    });
    expect(result).toMatchObject({ status: 'cancelled', progress: { fetched: 2000 } });
    expect(emails(text)).toHaveLength(2000);

    faults.set('1', ['rate-limited']);
    const waiting = new AbortController();
    const cancelled = await runExport({
      signal: waiting.signal,
      onProgress: (p) => {
        if (p.waitingUntil !== null) waiting.abort();
      },
    });
    expect(cancelled.result).toMatchObject({ status: 'cancelled', progress: { fetched: 0 } });
  });

  it('stops with the reason when the file cannot be written', async () => {
    let writes = 0;
    const full: ExportSink = {
      streamsToDisk: true,
      write: async () => {
        writes += 1;
        if (writes > 2) throw new Error('disk full');
      },
      finish: async () => {},
      discard: async () => {},
    };
    const { result } = await runExport({ sink: full });
    expect(result).toMatchObject({
      status: 'interrupted',
      failedPage: 2,
      reason: 'Could not write the file (disk full).',
      progress: { fetched: 2000 },
    });
  });
});

describe('a whole record as a page row', () => {
  const detail = readAnswer(readContactDetailAnswer, {
    id: 'contact_1',
    email: 'a@b.example',
    zip: '10016',
    campaigns: [
      { campaign: 'camp_a', stage: 'stage_1', last_sent: 1_700_000_000, last_open: null },
      { campaign: 'camp_b', stage: 'stage_2', last_sent: 1_800_000_000, last_reply: 1_800_000_100 },
    ],
  });

  it("takes the chosen campaign's timestamps to the top, as that campaign's list has them", () => {
    const row = asPageRow(detail, 'camp_b');
    expect([row.zip, row.last_sent, row.last_reply, row.last_open]).toEqual([
      '10016',
      1_800_000_000,
      1_800_000_100,
      null,
    ]);
    expect(asPageRow(detail, 'camp_c').last_sent).toBeNull();
  });
});
