import type { Page } from '@playwright/test';
import { errorBody, ERROR_LABELS, type Contact } from '../src/shared/contract';
import { ContactsScreen, formatCount } from './support/contacts-screen';
import { expectedCell, readCsvDownload } from './support/csv-file';
import { expect, test } from './support/fixtures';
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

/** Every contact the API returns for the filters, in the API's order. */
async function allContacts(api: SandboxApi, query: ContactsQuery): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for (let page = 1; ; page += 1) {
    const { data, total_pages } = await api.contacts({ ...query, page, display: 2000 });
    contacts.push(...data);
    if (page >= total_pages || data.length < 2000) return contacts;
  }
}

async function exportAll(page: Page, total: number) {
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const downloadEvent = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('menuitem', { name: `All ${formatCount(total)} matching contacts` }).click();
  return readCsvDownload(await downloadEvent);
}

test.describe('Export CSV', () => {
  // The save-file picker is the File System Access path; the Blob download is what a browser without it uses.
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'showSaveFilePicker');
    });
  });

  test('all matching contacts: one row per contact found, cells equal to the API values', async ({
    page,
    api,
    workspaces,
  }) => {
    test.setTimeout(120_000);
    const screen = new ContactsScreen(page);
    const query = { workspace: workspaces.large.id, stage: 'Replied' as const };
    const expected = await allContacts(api, query);
    expect(expected.length).toBeGreaterThan(4000);
    await screen.open(query);
    await screen.expectSettled();

    const csv = await exportAll(page, expected.length);

    expect(csv.bom).toBe(true);
    expect(csv.fileName).toMatch(/^mailstand-acme-outbound-stage-replied-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.header).toEqual(DEFAULT_EXPORT_COLUMNS.map(([label]) => label));
    expect(csv.rows).toHaveLength(expected.length);
    expect(csv.rows).toEqual(
      expected.map((contact) => DEFAULT_EXPORT_COLUMNS.map(([, code]) => expectedCell(contact[code]))),
    );
    await expect(
      page.getByRole('status').filter({ hasText: `Exported ${formatCount(expected.length)} contacts` }),
    ).toBeVisible();
  });

  test.describe('when Mailstand slows us down', () => {
    test.use({ expectedConsoleErrors: [/status of 429 \(Too Many Requests\)/] });

    test('a Rate Limited answer in the middle is waited out and the file is still complete', async ({
      page,
      api,
      workspaces,
    }) => {
      test.setTimeout(120_000);
      const screen = new ContactsScreen(page);
      const query = { workspace: workspaces.large.id, stage: 'Replied' as const };
      const expected = await allContacts(api, query);
      const total = expected.length;
      let limited = 0;
      await page.route(
        (url) =>
          url.pathname === '/api/contacts' &&
          url.searchParams.get('display') === '2000' &&
          url.searchParams.get('page') === '2',
        async (route) => {
          if (limited > 0) return route.fallback();
          limited += 1;
          await route.fulfill({
            status: 429,
            headers: { 'Retry-After': '1' },
            json: errorBody(429, ERROR_LABELS.rateLimited, 'Too many requests at once.'),
          });
        },
      );
      await screen.open(query);
      await screen.expectSettled();

      const csv = await exportAll(page, total);

      expect(limited).toBe(1);
      expect(csv.rows).toHaveLength(total);
      expect(csv.rows).toEqual(
        expected.map((contact) => DEFAULT_EXPORT_COLUMNS.map(([, code]) => expectedCell(contact[code]))),
      );
    });
  });

  test.describe('when the network fails', () => {
    test.use({ expectedConsoleErrors: [/net::ERR_CONNECTION_RESET/] });

    test('an export cut off by the network keeps what was fetched and says where it stopped', async ({
      page,
      api,
      workspaces,
    }) => {
      test.setTimeout(120_000);
      const screen = new ContactsScreen(page);
      const query = { workspace: workspaces.large.id, stage: 'Replied' as const };
      const total = await api.totalFound(query);
      await page.route(
        (url) =>
          url.pathname === '/api/contacts' &&
          url.searchParams.get('display') === '2000' &&
          url.searchParams.get('page') === '2',
        (route) => route.abort('connectionreset'),
      );
      await screen.open(query);
      await screen.expectSettled();

      await page.getByRole('button', { name: 'Export CSV' }).click();
      await page.getByRole('menuitem', { name: `All ${formatCount(total)} matching contacts` }).click();

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

  test('formula cells of hostile contacts are neutralised, the page and the selection export the same way', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const query = { workspace: workspaces.large.id, search: 'hostile.example' };
    const hostile = (await api.contacts({ ...query, display: 100 })).data;
    await screen.open(query);
    await screen.expectSettled();

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const downloadEvent = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /^Current page/ }).click();
    const csv = await readCsvDownload(await downloadEvent);

    expect(csv.rows).toEqual(
      hostile.map((contact) => DEFAULT_EXPORT_COLUMNS.map(([, code]) => expectedCell(contact[code]))),
    );
    const company = DEFAULT_EXPORT_COLUMNS.findIndex(([, code]) => code === 'company_name');
    const companies = csv.rows.map((row) => row[company] ?? '');
    expect(companies).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(companies).toContain(`'@SUM(1+1)`);
    expect(companies).toContain(`'+cmd|' /C calc'!A0`);
    expect(companies).toContain(`'-2+3+cmd|' /C notepad'!A0`);
    expect(companies).toContain(`'\t=1+1`);
    for (const row of csv.rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    await screen.renderedRows().nth(0).getByRole('checkbox').check();
    await screen
      .renderedRows()
      .nth(2)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    const bar = page.getByRole('region', { name: 'Selection' });
    await expect(bar).toContainText('3 selected');
    const selectionDownload = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export selected' }).click();
    const selection = await readCsvDownload(await selectionDownload);
    expect(selection.rows).toEqual(csv.rows.slice(0, 3));
    expect(selection.fileName).toMatch(/-3-selected-/);
  });
});
