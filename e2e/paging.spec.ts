import { columnLabel, ContactsScreen, pageRange, rangeText } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

const EMAIL = columnLabel('email');

test.describe('paging through a workspace', () => {
  test('First, Previous, Next, Last and the Page box move through the pages', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    const total = await api.totalFound({ workspace });
    const lastPage = Math.ceil(total / 100);
    await screen.open({ workspace });
    await screen.expectRange(pageRange(1, 100, total));
    await expect(screen.button('First page')).toBeDisabled();
    await expect(screen.button('Previous page')).toBeDisabled();

    await screen.button('Next page').click();
    await screen.expectRange(pageRange(2, 100, total));
    await expect(page).toHaveURL(/page=2/);
    const secondPage = await api.contacts({ workspace, page: 2 });
    await expect(await screen.cell(screen.renderedRows().first(), EMAIL)).toHaveText(
      secondPage.data[0]?.email ?? '',
    );

    await screen.button('Last page').click();
    await screen.expectRange(pageRange(lastPage, 100, total));
    await expect(screen.button('Next page')).toBeDisabled();
    await expect(screen.button('Last page')).toBeDisabled();

    await screen.button('Previous page').click();
    await screen.expectRange(pageRange(lastPage - 1, 100, total));

    const pageBox = page.getByRole('spinbutton', { name: 'Page' });
    await pageBox.fill('5');
    await pageBox.press('Enter');
    await screen.expectRange(pageRange(5, 100, total));
    await expect(page).toHaveURL(/page=5/);

    await screen.button('First page').click();
    await screen.expectRange(pageRange(1, 100, total));
    await expect(page).not.toHaveURL(/page=/);
  });

  test('Rows per page changes the page size and keeps the first row of the page in view', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    const total = await api.totalFound({ workspace });
    await screen.open({ workspace, page: '3' });
    await screen.expectRange(pageRange(3, 100, total));

    const rowsPerPage = page.getByRole('combobox', { name: 'Rows per page' });
    await expect(rowsPerPage.getByRole('option')).toHaveText([
      '25',
      '50',
      '100',
      '250',
      '500',
      '1,000',
      '2,000',
    ]);
    // Rows 201-300 were on screen: at 50 a page, row 201 starts page 5.
    await rowsPerPage.selectOption('50');
    await screen.expectRange(pageRange(5, 50, total));
    await expect(page).toHaveURL(/page=5&display=50/);
    await expect(screen.grid).toHaveAttribute('aria-rowcount', '51');

    await rowsPerPage.selectOption('1000');
    await screen.expectRange(pageRange(1, 1000, total));
    await expect(page).toHaveURL(/display=1000/);
    await expect(page).not.toHaveURL(/page=/);
  });

  test('a short last page and a filtered set page correctly', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.small.id;
    const total = await api.totalFound({ workspace, stage: 'Untouched' });
    const lastPage = Math.ceil(total / 50);
    await screen.open({ workspace, stage: 'Untouched', display: '50', page: String(lastPage) });

    await screen.expectRange(rangeText((lastPage - 1) * 50 + 1, total, total));
    await expect(screen.grid).toHaveAttribute('aria-rowcount', String(total - (lastPage - 1) * 50 + 1));
  });

  test('while another filter loads, the previous rows stay on screen, dimmed, under a progress bar', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    const firstPage = await api.contacts({ workspace, display: 100 });
    await screen.open({ workspace });
    await screen.expectRange(pageRange(1, 100, firstPage.total_found));
    const firstRow = screen.renderedRows().first();
    await expect(await screen.cell(firstRow, EMAIL)).toHaveText(firstPage.data[0]?.email ?? '');

    // Hold the answer for the new filter until the test has looked at the screen.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/contacts?*stage=Nurture*', async (route) => {
      await released;
      await route.continue();
    });
    await screen.stage('Nurture').check();

    await expect(page.getByRole('progressbar', { name: 'Loading contacts' })).toBeVisible();
    await expect(screen.grid).toHaveAttribute('aria-busy', 'true');
    await expect(await screen.cell(firstRow, EMAIL)).toHaveText(firstPage.data[0]?.email ?? '');

    release();
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, stage: 'Nurture' })));
    expect(new Set(await screen.columnTexts(columnLabel('stage')))).toEqual(new Set(['Nurture']));
  });

  test('a 2000-row page renders only the rows in view, scrolls to its last row and keeps the header pinned', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    const total = await api.totalFound({ workspace });
    const firstPage = await api.contacts({ workspace, display: 2000 });
    expect(total, 'the large workspace holds more than one 2000-row page').toBeGreaterThan(2000);
    await screen.open({ workspace, display: '2000' });
    await screen.expectRange(rangeText(1, 2000, total));
    await expect(screen.grid).toHaveAttribute('aria-rowcount', '2001');

    const rendered = await screen.renderedRows().count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered, 'rows in the DOM: only those in view plus a small overscan').toBeLessThan(80);

    const header = screen.grid.getByRole('columnheader').first();
    const gridTop = (await screen.grid.boundingBox())?.y ?? Number.NaN;
    await screen.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));

    const lastRow = screen.grid.locator('[aria-rowindex="2001"]');
    await expect(lastRow).toBeInViewport();
    await expect(await screen.cell(lastRow, EMAIL)).toHaveText(firstPage.data[1999]?.email ?? '');
    expect(await screen.renderedRows().count()).toBeLessThan(80);
    await expect(header).toBeInViewport();
    const headerTop = (await header.boundingBox())?.y ?? Number.NaN;
    expect(Math.abs(headerTop - gridTop), 'the header stays at the top of the grid').toBeLessThan(4);
  });
});
