import { columnLabel, ContactsScreen } from './support/contacts-screen';
import { expect, expectConsoleErrors, test } from './support/fixtures';

test.describe('columns', () => {
  test('chosen, moved and resized columns come back after a reload, per workspace', async ({
    page,
    app,
    workspaces,
  }) => {
    await app.openView({ workspace: workspaces.large.id });

    const control = await app.openColumns();
    await control.getByRole('searchbox', { name: 'Search columns' }).fill('imgur');
    // Custom fields are listed by their workspace label.
    await control.getByRole('checkbox', { name: 'Imgur URL' }).check();
    await control.getByRole('searchbox', { name: 'Search columns' }).fill('');
    await control.getByRole('checkbox', { name: 'Title', exact: true }).uncheck();
    await control.getByRole('checkbox', { name: 'Local time' }).check();
    await control.getByRole('button', { name: 'Move Imgur URL left' }).click();
    await page.keyboard.press('Escape');
    await expect(control).toHaveCount(0);

    await expect.poll(() => app.headerTexts()).toContain('Imgur URL');
    const before = await app.headerTexts();
    expect(before).not.toContain('Title');
    // One place left of where it was added (after Last Activity, before Local time).
    expect(before.indexOf('Imgur URL')).toBe(before.indexOf('Last Activity') - 1);
    expect(before.indexOf('Local time')).toBe(before.indexOf('Last Activity') + 1);
    expect(before[1]).toBe('Email Address');

    const fullName = app.grid.getByRole('columnheader', { name: 'Full Name', exact: true });
    const fullNameWidth = async () => (await fullName.boundingBox())?.width ?? 0;
    const widthBefore = await fullNameWidth();
    const handle = page.getByRole('separator', { name: 'Resize Full Name' });
    const box = await handle.boundingBox();
    if (!box) throw new Error('no resize handle');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(fullNameWidth).toBeCloseTo(widthBefore + 80, -1);

    await page.reload();
    await app.expectSettled();
    await expect.poll(() => app.headerTexts()).toEqual(before);
    await expect.poll(fullNameWidth).toBeCloseTo(widthBefore + 80, -1);

    // Another workspace keeps its own (default) columns.
    await app.openView({ workspace: workspaces.small.id });
    await expect.poll(() => app.headerTexts()).toContain('Title');
  });

  test('Reset columns brings the default set back', async ({ app, workspaces }) => {
    await app.openView({ workspace: workspaces.large.id });
    const defaults = await app.headerTexts();

    const control = await app.openColumns();
    await control.getByRole('checkbox', { name: 'City', exact: true }).uncheck();
    await expect(app.grid.getByRole('columnheader', { name: 'City', exact: true })).toHaveCount(0);
    await control.getByRole('button', { name: 'Reset columns' }).click();

    await expect.poll(() => app.headerTexts()).toEqual(defaults);
  });

  test('Copy link to this view carries the columns to another browser, which asks for its page once', async ({
    page,
    context,
    browser,
    app,
    workspaces,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.openView({ workspace: workspaces.large.id, stage: 'Replied' });
    const control = await app.openColumns();
    await control.getByRole('checkbox', { name: 'Middle Name' }).check();
    await page.keyboard.press('Escape');
    const headers = await app.headerTexts();

    await page.getByRole('button', { name: 'Copy link to this view' }).click();
    await expect(app.status('Copied')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/stage=Replied/);
    expect(link).toMatch(/cols=/);

    const other = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
    const otherPage = await other.newPage();
    const pageRequests: string[] = [];
    otherPage.on('request', (request) => {
      if (/\/api\/contacts\?/.test(request.url()) && request.headers()['x-request-purpose'] === 'page')
        pageRequests.push(request.url());
    });
    await otherPage.goto(link);
    const otherScreen = new ContactsScreen(otherPage);
    await otherScreen.expectSettled();
    await expect.poll(() => otherScreen.headerTexts()).toEqual(headers);
    await expect(otherPage).not.toHaveURL(/cols=/);
    // The page left with the link's columns already: one request, its middle names included.
    expect(pageRequests).toHaveLength(1);
    expect(new URL(pageRequests[0] ?? '').searchParams.get('fields')).toContain('middle_name');
    await other.close();
  });

  test.describe('when the custom fields cannot be loaded', () => {
    test.use(expectConsoleErrors(/Failed to load resource: the server responded with a status of 500/));

    test("a shared link's columns are shown with their values", async ({ page, app, api, workspaces }) => {
      const workspace = workspaces.large.id;
      await page.route('**/all-fields', (route) =>
        route.fulfill({ status: 500, contentType: 'text/plain', body: 'down for maintenance' }),
      );
      await page.goto(`/?workspace=${workspace}&cols=email.middle_name.stage`);
      const expected = (await api.contacts({ workspace })).data;
      const middleName = columnLabel('middle_name');
      await expect
        .poll(() => app.headerTexts(), { timeout: 15_000 })
        .toEqual(['', columnLabel('email'), middleName, columnLabel('stage')]);
      const shown = await app.columnTexts(middleName);
      expect(shown.length).toBeGreaterThan(5);
      expect(shown).toEqual(
        expected
          .slice(0, shown.length)
          .map((contact) => (contact.middle_name?.trim() ? contact.middle_name : '—')),
      );
    });
  });

  test('scrolled sideways, the checkbox and email columns stay in place over the others', async ({
    page,
    app,
    workspaces,
  }) => {
    await app.openView({ workspace: workspaces.large.id });
    const row = app.row(1);
    const email = await app.cell(row, 'Email Address');
    const fullName = await app.cell(row, 'Full Name');
    const emailBox = await email.boundingBox();
    const fullNameBox = await fullName.boundingBox();
    if (!emailBox || !fullNameBox) throw new Error('the first row is not on screen');

    await app.grid.evaluate((grid) => grid.scrollBy({ left: 200 }));

    await expect.poll(async () => (await fullName.boundingBox())?.x).toBeCloseTo(fullNameBox.x - 200, 0);
    await expect.poll(() => email.boundingBox()).toEqual(emailBox);
    await expect(row.getByRole('checkbox')).toBeInViewport();
    // The email cell covers the column scrolled under it: what a click there reaches is the email.
    const covering = await page.evaluate(
      ({ x, y }) =>
        document.elementFromPoint(x, y)?.closest('[role="gridcell"]')?.getAttribute('aria-colindex'),
      { x: emailBox.x + emailBox.width - 10, y: emailBox.y + emailBox.height / 2 },
    );
    expect(covering).toBe(await app.columnIndex('Email Address'));

    await app.grid.evaluate((grid) => grid.scrollBy({ left: -200 }));
    await expect.poll(async () => (await fullName.boundingBox())?.x).toBeCloseTo(fullNameBox.x, 0);
    expect(await email.boundingBox()).toEqual(emailBox);
  });

  test('a hover title is the value under the pointer, also after the wheel scrolls other rows there', async ({
    page,
    app,
    workspaces,
  }) => {
    const contacts = (await app.openView({ workspace: workspaces.large.id })).data;
    const emailTitle = (index: number) => {
      const email = contacts[index]?.email ?? null;
      return email?.trim() ? email : null;
    };
    const email = await app.cell(app.row(3), 'Email Address');
    const box = await email.boundingBox();
    if (!box) throw new Error('the third row is not on screen');
    const pointer = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const underPointer = () =>
      page.evaluate(({ x, y }) => {
        const cell = document.elementFromPoint(x, y)?.closest('[role="gridcell"]');
        return {
          title: cell?.getAttribute('title') ?? null,
          row: Number(cell?.closest('[role="row"]')?.getAttribute('aria-rowindex')),
        };
      }, pointer);

    await page.mouse.move(pointer.x, pointer.y);
    await expect.poll(underPointer).toEqual({ title: emailTitle(2), row: 4 });

    // Far enough that rows scrolled out hand their elements to the rows scrolled in.
    await page.mouse.wheel(0, 40 * 36);
    await expect(app.renderedRows().filter({ hasText: contacts[45]?.email ?? '' })).toBeVisible();
    // A hand on the mouse moves it a little, and the browser tells the rows what is under it now.
    await page.mouse.move(pointer.x + 1, pointer.y);
    await page.mouse.move(pointer.x, pointer.y);
    const after = await underPointer();
    expect(after.row).toBeGreaterThan(30);
    expect(after.title).toBe(emailTitle(after.row - 2));
    // Only the row under the pointer carries its cells' titles; none is left on a row scrolled away.
    await expect(app.grid.locator('[role="row"]:has([role="gridcell"][title])')).toHaveCount(1);
  });

  test('sorting a column sorts the rows of this page and says so', async ({ page, app, workspaces }) => {
    const emails = (await app.openView({ workspace: workspaces.large.id })).data.map(
      (contact) => contact.email ?? '',
    );
    const emailHeader = app.grid.getByRole('columnheader', { name: 'Email Address', exact: true });

    await emailHeader.click();

    await expect(page.getByText('sorted within this page')).toBeVisible();
    await expect(emailHeader).toHaveAttribute('aria-sort', 'ascending');
    // Empty values go after the rest.
    const sorted = emails
      .filter((email) => email !== '')
      .sort((a, b) => a.localeCompare(b, 'en-US', { sensitivity: 'base', numeric: true }));
    const shown = await app.columnTexts('Email Address');
    expect(shown).toEqual(sorted.slice(0, shown.length));
  });
});
