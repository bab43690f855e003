import { ContactsScreen, pageRange } from './support/contacts-screen';
import { expect, expectConsoleErrors, test } from './support/fixtures';

test.describe('the URL holds the view', () => {
  test('reloading restores filters, page and page size', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace });
    await screen.stage('Unresponsive').check();
    await screen.engagement('Opened').check();
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('25');
    await screen.button('Next page').click();
    const total = await api.totalFound({ workspace, stage: 'Unresponsive', has_opened: true });
    await screen.expectRange(pageRange(2, 25, total));
    const url = page.url();

    await page.reload();

    expect(page.url()).toBe(url);
    await screen.expectRange(pageRange(2, 25, total));
    await expect(screen.stage('Unresponsive')).toBeChecked();
    await expect(screen.engagement('Opened')).toBeChecked();
    await expect(page.getByRole('combobox', { name: 'Rows per page' })).toHaveValue('25');
  });

  test('Back and Forward step through filter changes', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    const all = await api.totalFound({ workspace });
    const replied = await api.totalFound({ workspace, stage: 'Replied' });
    const repliedClicked = await api.totalFound({ workspace, stage: 'Replied', has_clicked: true });
    await screen.open({ workspace });
    await screen.expectRange(pageRange(1, 100, all));
    await screen.stage('Replied').check();
    await screen.expectRange(pageRange(1, 100, replied));
    await screen.engagement('Clicked').check();
    await screen.expectRange(pageRange(1, 100, repliedClicked));

    await page.goBack();
    await screen.expectRange(pageRange(1, 100, replied));
    await expect(screen.engagement('Clicked')).not.toBeChecked();
    await expect(screen.stage('Replied')).toBeChecked();

    await page.goBack();
    await screen.expectRange(pageRange(1, 100, all));
    await expect(screen.stage('All stages')).toBeChecked();

    await page.goForward();
    await screen.expectRange(pageRange(1, 100, replied));
    await expect(screen.stage('Replied')).toBeChecked();
  });

  test('typing a search adds one history entry, not one per key', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace });
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace })));
    const entriesBefore = await page.evaluate(() => history.length);

    // Key by key, as fast as a person types: each key is an input event, and the search settles once.
    await screen.search.pressSequentially('example');

    await expect(page).toHaveURL(/search=example/);
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, search: 'example' })));
    expect(await page.evaluate(() => history.length)).toBe(entriesBefore + 1);
    await page.goBack();
    await expect(page).not.toHaveURL(/search=/);
    await expect(screen.search).toHaveValue('');
  });

  test('bad values in the URL are corrected in place, with a notice', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;

    await page.goto(`/?workspace=${workspace}&stage=Bogus&page=-3&display=99999&has_opened=maybe`);

    await expect(page).toHaveURL(`/?workspace=${workspace}&display=2000`);
    for (const notice of [/stage "Bogus"/, /page "-3"/, /"99999"/, /has_opened "maybe"/]) {
      await expect(
        page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: notice }),
      ).toBeVisible();
    }
    await screen.expectRange(pageRange(1, 2000, await api.totalFound({ workspace })));
    await expect(screen.stage('All stages')).toBeChecked();
    await expect(screen.engagement('Opened')).not.toBeChecked();
  });

  test.describe('unknown ids', () => {
    // The bookmarked page is asked for at once; Mailstand answers an unknown id with a 400.
    test.use(expectConsoleErrors(/Failed to load resource: the server responded with a status of 400/));

    test('an unknown workspace is dropped with a notice', async ({ page }) => {
      const unknown = 'space_DoesNotExist0000000000000';

      await page.goto(`/?workspace=${unknown}&stage=Replied`);

      await expect(
        page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: unknown }),
      ).toBeVisible();
      await expect(page).not.toHaveURL(new RegExp(unknown));
    });

    test('an unknown campaign is dropped with a notice, the rest of the view stays', async ({
      page,
      api,
      workspaces,
    }) => {
      const screen = new ContactsScreen(page);
      const workspace = workspaces.large.id;
      const unknown = 'camp_DoesNotExist00000000000000';

      await page.goto(`/?workspace=${workspace}&campaign=${unknown}&stage=Replied`);

      await expect(
        page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: unknown }),
      ).toBeVisible();
      await expect(page).toHaveURL(`/?workspace=${workspace}&stage=Replied`);
      await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, stage: 'Replied' })));
    });
  });
});
