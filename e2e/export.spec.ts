import { errorBody, ERROR_LABELS, type Contact } from '../src/shared/contract';
import { formatCount, type ContactsScreen } from './support/contacts-screen';
import { expectedCell, readCsvDownload } from './support/csv-file';
import { expect, expectConsoleErrors, test } from './support/fixtures';
import type { ContactsQuery, SandboxApi } from './support/sandbox-api';

/** The default columns, pinned email first: what "Export CSV" writes unless the columns were changed. */
const DEFAULT_EXPORT_COLUMNS: [string, keyof Contact][] = [
  ['Email Address', 'email'],
  ['Full Name', 'full_name'],
  ['Stage', 'stage'],
  ['Title', 'title'],
  ['Company Name', 'company_name'],
  ['Lead Score', 'lead_score'],
  ['City', 'city'],
  ['Country', 'country'],
  ['Last Activity', 'last_activity'],
];

/** The CSV rows the default columns make of these contacts. */
const csvRows = (contacts: Contact[]) =>
  contacts.map((contact) => DEFAULT_EXPORT_COLUMNS.map(([, code]) => expectedCell(contact[code])));

/** Every contact the API returns for the filters, in the API's order. */
async function allContacts(api: SandboxApi, query: ContactsQuery): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for (let page = 1; ; page += 1) {
    const { data, total_pages } = await api.contacts({ ...query, page, display: 2000 });
    contacts.push(...data);
    if (page >= total_pages || data.length < 2000) return contacts;
  }
}

const exportAllItem = (total: number) => `All ${formatCount(total)} matching contacts`;

/** The export's second request: the fault cases break the export half-way through. */
const isSecondExportPage = (url: URL) =>
  url.pathname === '/api/contacts' &&
  url.searchParams.get('display') === '2000' &&
  url.searchParams.get('page') === '2';

/**
 * Opens the large workspace's Replied contacts (more than two 2000-row requests) and exports all of
 * them: the file holds exactly the API's contacts for the same filters, in order.
 */
async function exportAllReplied(app: ContactsScreen, workspace: string) {
  const query = { workspace, stage: 'Replied' } as const;
  const expected = await allContacts(app.api, query);
  await app.openView(query);
  const csv = await app.exportCsv(exportAllItem(expected.length));
  expect(csv.rows).toHaveLength(expected.length);
  expect(csv.rows).toEqual(csvRows(expected));
  return { csv, expected };
}

test.describe('Export CSV', () => {
  // Exports page through thousands of contacts: slow on a busy 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test.beforeEach(async ({ app }) => {
    await app.useBlobDownloads();
  });

  test('all matching contacts: one row per contact found, cells equal to the API values', async ({
    app,
    workspaces,
  }) => {
    const { csv, expected } = await exportAllReplied(app, workspaces.large.id);

    expect(expected.length).toBeGreaterThan(4000);
    expect(csv.bom).toBe(true);
    expect(csv.fileName).toMatch(/^mailstand-acme-outbound-stage-replied-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.header).toEqual(DEFAULT_EXPORT_COLUMNS.map(([label]) => label));
    await expect(app.status(`Exported ${formatCount(expected.length)} contacts`)).toBeVisible();
  });

  test.describe('when Mailstand slows us down', () => {
    test.use(expectConsoleErrors(/status of 429 \(Too Many Requests\)/));

    test('a Rate Limited answer in the middle is waited out and the file is still complete', async ({
      page,
      app,
      workspaces,
    }) => {
      let limited = 0;
      await page.route(isSecondExportPage, async (route) => {
        if (limited > 0) return route.fallback();
        limited += 1;
        await route.fulfill({
          status: 429,
          headers: { 'Retry-After': '1' },
          json: errorBody(429, ERROR_LABELS.rateLimited, 'Too many requests at once.'),
        });
      });

      await exportAllReplied(app, workspaces.large.id);

      expect(limited).toBe(1);
    });
  });

  test.describe('when the network fails', () => {
    test.use(expectConsoleErrors(/net::ERR_CONNECTION_RESET/));

    test('an export cut off by the network keeps what was fetched and says where it stopped', async ({
      page,
      app,
      workspaces,
    }) => {
      await page.route(isSecondExportPage, (route) => route.abort('connectionreset'));
      const { total_found: total } = await app.openView({ workspace: workspaces.large.id, stage: 'Replied' });

      await app.chooseExport(exportAllItem(total));

      const alert = page.getByRole('alert').filter({ hasText: 'Stopped after' });
      await expect(alert).toContainText(
        `Stopped after 2,000 of ${formatCount(total)} contacts (page 2 of 3)`,
        {
          timeout: 30_000,
        },
      );
      const downloadEvent = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Download the 2,000 contacts fetched' }).click();
      const csv = await readCsvDownload(await downloadEvent);
      expect(csv.fileName).toMatch(/-partial\.csv$/);
      expect(csv.rows).toHaveLength(2000);
    });
  });

  test('when the browser refuses the save-file picker (the click was spent while the code loaded), the file downloads instead', async ({
    page,
    app,
    workspaces,
  }) => {
    await page.addInitScript(() => {
      Object.assign(window, {
        showSaveFilePicker: () =>
          Promise.reject(
            new DOMException('Must be handling a user gesture to show a file picker.', 'SecurityError'),
          ),
      });
    });
    const { expected } = await exportAllReplied(app, workspaces.large.id);
    await expect(app.status(`Exported ${formatCount(expected.length)} contacts`)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test.describe("when the export's code cannot be fetched", () => {
    test.use(expectConsoleErrors(/^Failed to load resource: net::ERR_FAILED$/));

    test('the export says so in words, and Retry fetches it and exports', async ({
      page,
      app,
      workspaces,
    }) => {
      const release = await app.withholdChunk('export-code');
      const { data } = await app.openView({ workspace: workspaces.large.id });

      await app.chooseExport(/^Current page/);
      const alert = page.getByRole('alert').filter({ hasText: 'Could not load the export' });
      await expect(alert).toBeVisible();

      release();
      const download = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Retry' }).click();
      expect((await readCsvDownload(await download)).rows).toEqual(csvRows(data));
      await expect(alert).toHaveCount(0);
    });
  });

  test('formula cells of hostile contacts are neutralised, the page and the selection export the same way', async ({
    page,
    app,
    workspaces,
  }) => {
    const hostile = (await app.openView({ workspace: workspaces.large.id, search: 'hostile.example' })).data;

    const csv = await app.exportCsv(/^Current page/);

    expect(csv.rows).toEqual(csvRows(hostile));
    const company = DEFAULT_EXPORT_COLUMNS.findIndex(([, code]) => code === 'company_name');
    const companies = csv.rows.map((row) => row[company] ?? '');
    expect(companies).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(companies).toContain(`'@SUM(1+1)`);
    expect(companies).toContain(`'+cmd|' /C calc'!A0`);
    expect(companies).toContain(`'-2+3+cmd|' /C notepad'!A0`);
    expect(companies).toContain(`'\t=1+1`);
    for (const row of csv.rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    await app.row(1).getByRole('checkbox').check();
    await app
      .row(3)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    const bar = page.getByRole('region', { name: 'Selection' });
    await expect(bar).toContainText('3 selected');
    const selection = await app.exportSelected();
    expect(selection.rows).toEqual(csv.rows.slice(0, 3));
    expect(selection.fileName).toMatch(/-3-selected-/);
  });
});
