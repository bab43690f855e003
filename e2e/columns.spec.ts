import { ContactsScreen } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

test.describe('columns', () => {
  test('chosen, moved and resized columns come back after a reload, per workspace', async ({
    page,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id });
    await screen.expectSettled();

    await page.getByRole('button', { name: 'Columns' }).click();
    const control = page.getByRole('dialog', { name: 'Columns' });
    await control.getByRole('searchbox', { name: 'Search columns' }).fill('imgur');
    // Custom fields are listed by their workspace label.
    await control.getByRole('checkbox', { name: 'Imgur URL' }).check();
    await control.getByRole('searchbox', { name: 'Search columns' }).fill('');
    await control.getByRole('checkbox', { name: 'Title', exact: true }).uncheck();
    await control.getByRole('checkbox', { name: 'Local time' }).check();
    await control.getByRole('button', { name: 'Move Imgur URL left' }).click();
    await page.keyboard.press('Escape');
    await expect(control).toHaveCount(0);

    const headers = () => screen.grid.getByRole('columnheader').allTextContents();
    await expect.poll(headers).toContain('Imgur URL');
    expect(await headers()).not.toContain('Title');
    const before = await headers();
    expect(before.indexOf('Imgur URL')).toBe(before.indexOf('Local time') - 1);
    expect(before[1]).toBe('Email Address');

    const fullName = screen.grid.getByRole('columnheader', { name: 'Full Name', exact: true });
    const widthBefore = (await fullName.boundingBox())?.width ?? 0;
    const handle = page.getByRole('separator', { name: 'Resize Full Name' });
    const box = await handle.boundingBox();
    if (!box) throw new Error('no resize handle');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect
      .poll(async () => (await fullName.boundingBox())?.width ?? 0)
      .toBeCloseTo(widthBefore + 80, -1);

    await page.reload();
    await screen.expectSettled();
    await expect.poll(headers).toEqual(before);
    await expect
      .poll(async () => (await fullName.boundingBox())?.width ?? 0)
      .toBeCloseTo(widthBefore + 80, -1);

    // Another workspace keeps its own (default) columns.
    await screen.open({ workspace: workspaces.small.id });
    await screen.expectSettled();
    await expect.poll(headers).toContain('Title');
  });

  test('Reset columns brings the default set back', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id });
    await screen.expectSettled();
    const defaults = await screen.grid.getByRole('columnheader').allTextContents();

    await page.getByRole('button', { name: 'Columns' }).click();
    const control = page.getByRole('dialog', { name: 'Columns' });
    await control.getByRole('checkbox', { name: 'City', exact: true }).uncheck();
    await expect(screen.grid.getByRole('columnheader', { name: 'City', exact: true })).toHaveCount(0);
    await control.getByRole('button', { name: 'Reset columns' }).click();

    await expect.poll(() => screen.grid.getByRole('columnheader').allTextContents()).toEqual(defaults);
  });

  test('Copy link to this view carries the columns to another browser', async ({
    page,
    context,
    browser,
    workspaces,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id, stage: 'Replied' });
    await screen.expectSettled();
    await page.getByRole('button', { name: 'Columns' }).click();
    const control = page.getByRole('dialog', { name: 'Columns' });
    await control.getByRole('checkbox', { name: 'Middle Name' }).check();
    await page.keyboard.press('Escape');
    const headers = await screen.grid.getByRole('columnheader').allTextContents();

    await page.getByRole('button', { name: 'Copy link to this view' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/stage=Replied/);
    expect(link).toMatch(/cols=/);

    const other = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
    const otherPage = await other.newPage();
    await otherPage.goto(link);
    const otherScreen = new ContactsScreen(otherPage);
    await otherScreen.expectSettled();
    await expect.poll(() => otherScreen.grid.getByRole('columnheader').allTextContents()).toEqual(headers);
    await expect(otherPage).not.toHaveURL(/cols=/);
    await other.close();
  });

  test('sorting a column sorts the rows of this page and says so', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace });
    await screen.expectSettled();
    const emails = (await api.contacts({ workspace, display: 100 })).data.map(
      (contact) => contact.email ?? '',
    );

    await screen.grid.getByRole('columnheader', { name: 'Email Address', exact: true }).click();

    await expect(page.getByText('sorted within this page')).toBeVisible();
    await expect(
      screen.grid.getByRole('columnheader', { name: 'Email Address', exact: true }),
    ).toHaveAttribute('aria-sort', 'ascending');
    // Empty values go after the rest.
    const sorted = emails
      .filter((email) => email !== '')
      .sort((a, b) => a.localeCompare(b, 'en-US', { sensitivity: 'base', numeric: true }));
    const shown = await screen.columnTexts('Email Address');
    expect(shown).toEqual(sorted.slice(0, shown.length));
  });
});
