import type { Contact } from '../src/shared/contract';
import { expectedCell } from './support/csv-file';
import { expect, test } from './support/fixtures';

/**
 * The grid's page holds only the fields its columns show (`fields=`, cut down by the server);
 * nothing a person asks for is missing for it: a column shown later, the detail panel, the CSV.
 */

const isGridPage = (url: URL) => url.pathname === '/api/contacts' && url.searchParams.has('fields');
const shownText = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : '—');

test.describe('the page as the grid shows it', () => {
  test('holds the shown columns only; a column shown later gets its values while the rows stay', async ({
    page,
    app,
    workspaces,
  }) => {
    const firstPage = page.waitForResponse((response) => isGridPage(new URL(response.url())));
    const expected = (await app.openView({ workspace: workspaces.large.id })).data;
    const answer = await firstPage;
    const asked = new URL(answer.url()).searchParams.get('fields')?.split(',') ?? [];
    expect(asked).toEqual(expect.arrayContaining(['id', 'email', 'stage', 'full_name', 'city']));
    expect(asked).not.toContain('zip');
    const records = ((await answer.json()) as { data: Record<string, unknown>[] }).data;
    expect(records).toHaveLength(expected.length);
    for (const record of records) for (const key of Object.keys(record)) expect(asked).toContain(key);

    // The page with the new field is held back: the rows already shown stay meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => isGridPage(url) && (url.searchParams.get('fields') ?? '').split(',').includes('zip'),
      async (route) => {
        await held;
        await route.continue();
      },
    );
    const control = await app.openColumns();
    await control.getByRole('checkbox', { name: 'Zip', exact: true }).check();
    await page.keyboard.press('Escape');
    await expect(app.grid.getByRole('columnheader', { name: 'Zip', exact: true })).toHaveCount(1);
    const emails = await app.columnTexts('Email Address');
    expect(emails.length).toBeGreaterThan(5);
    expect(emails).toEqual(expected.slice(0, emails.length).map((contact) => shownText(contact.email)));

    release();
    await app.expectSettled();
    await expect
      .poll(() => app.columnTexts('Zip'))
      .toEqual(expected.slice(0, emails.length).map((contact) => shownText(contact.zip)));
  });

  test('the detail panel of a row shows the fields the grid does not', async ({ page, app, workspaces }) => {
    const expected = (await app.openView({ workspace: workspaces.large.id })).data;
    const index = expected.findIndex((contact) => contact.zip && contact.state && contact.occupation);
    const contact = expected[index];
    if (!contact) throw new Error('no contact with a zip, a state and an occupation');
    await app.row(index + 1).click();
    const panel = page.getByRole('dialog', { name: contact.full_name || contact.email || contact.id });
    await expect(panel.getByRole('region', { name: 'Address' })).toContainText(contact.zip ?? '');
    await expect(panel.getByRole('region', { name: 'Address' })).toContainText(contact.state ?? '');
    await expect(panel).toContainText(contact.occupation ?? '');
  });

  test('the CSV of the page, and of rows selected before a column was shown, holds that column', async ({
    page,
    app,
    workspaces,
  }) => {
    await app.useBlobDownloads();
    const expected = (await app.openView({ workspace: workspaces.large.id })).data;
    await app.row(1).getByRole('checkbox').check();
    await app
      .row(3)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    const control = await app.openColumns();
    await control.getByRole('checkbox', { name: 'Zip', exact: true }).check();
    await page.keyboard.press('Escape');
    await app.expectSettled();
    await expect.poll(async () => (await app.columnTexts('Zip'))[0]).toBe(shownText(expected[0]?.zip));

    const zipsOf = (contacts: Contact[]) => contacts.map((contact) => expectedCell(contact.zip));
    const selection = await app.exportSelected();
    const zip = selection.header.indexOf('Zip');
    expect(zip).toBeGreaterThan(0);
    expect(selection.rows.map((row) => row[zip])).toEqual(zipsOf(expected.slice(0, 3)));

    const csv = await app.exportCsv(/^Current page/);
    expect(csv.header).toEqual(selection.header);
    expect(csv.rows.map((row) => row[zip])).toEqual(zipsOf(expected));
  });

  test('rows selected on another page before a column was shown are exported with that column', async ({
    page,
    app,
    api,
    workspaces,
  }) => {
    await app.useBlobDownloads();
    const workspace = workspaces.large.id;
    const first = (await app.openView({ workspace })).data.slice(0, 2);
    expect(first.some((contact) => expectedCell(contact.zip) !== '')).toBe(true);
    await app.row(1).getByRole('checkbox').check();
    await app.row(2).getByRole('checkbox').check();
    await app.button('Next page').click();
    await app.expectView({ workspace, page: 2 });
    const second = (await api.contacts({ workspace, page: 2 })).data.slice(0, 1);
    const control = await app.openColumns();
    await control.getByRole('checkbox', { name: 'Zip', exact: true }).check();
    await page.keyboard.press('Escape');
    await app.expectSettled();
    await app.row(1).getByRole('checkbox').check();

    const wholeRecords: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/contacts/')) wholeRecords.push(path);
    });
    const selection = await app.exportSelected();
    const zip = selection.header.indexOf('Zip');
    expect(zip).toBeGreaterThan(0);
    expect(selection.rows.map((row) => [row[0], row[zip]])).toEqual(
      [...first, ...second].map((contact) => [expectedCell(contact.email), expectedCell(contact.zip)]),
    );
    // Only the rows whose page left the column out were fetched again.
    expect(wholeRecords.sort()).toEqual(first.map((contact) => `/api/contacts/${contact.id}`).sort());
  });

  test('an unknown field, an empty list or fields on another call is refused in words', async ({
    page,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    for (const [target, why] of [
      [`/api/contacts?workspace=${workspace}&fields=id,password`, '"password", which no contact has'],
      [`/api/contacts?workspace=${workspace}&fields=`, 'an empty name'],
      ['/api/workspaces?fields=id', 'applies to GET /contacts only'],
    ] as const) {
      const response = await page.request.get(target);
      expect(response.status(), target).toBe(400);
      expect(await response.json()).toEqual({
        statusCode: 400,
        error: 'Invalid Request',
        message: expect.stringContaining(why),
      });
    }
  });
});
