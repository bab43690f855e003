import { columnLabel, pageRange, rangeText } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

const EMAIL = columnLabel('email');

test.describe('paging through a workspace', () => {
  test('First, Previous, Next, Last and the Page box move through the pages', async ({
    page,
    app,
    api,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    const { total_found: total } = await app.openView({ workspace });
    const lastPage = Math.ceil(total / 100);
    await expect(app.button('First page')).toBeDisabled();
    await expect(app.button('Previous page')).toBeDisabled();

    await app.button('Next page').click();
    await app.expectRange(pageRange(2, 100, total));
    await expect(page).toHaveURL(/page=2/);
    const secondPage = await api.contacts({ workspace, page: 2 });
    await expect(await app.cell(app.row(1), EMAIL)).toHaveText(secondPage.data[0]?.email ?? '');

    await app.button('Last page').click();
    await app.expectRange(pageRange(lastPage, 100, total));
    await expect(app.button('Next page')).toBeDisabled();
    await expect(app.button('Last page')).toBeDisabled();

    await app.button('Previous page').click();
    await app.expectRange(pageRange(lastPage - 1, 100, total));

    const pageBox = page.getByRole('spinbutton', { name: 'Page' });
    await pageBox.fill('5');
    await pageBox.press('Enter');
    await app.expectRange(pageRange(5, 100, total));
    await expect(page).toHaveURL(/page=5/);

    await app.button('First page').click();
    await app.expectRange(pageRange(1, 100, total));
    await expect(page).not.toHaveURL(/page=/);
  });

  test('Rows per page changes the page size and keeps the first row of the page in view', async ({
    page,
    app,
    workspaces,
  }) => {
    const { total_found: total } = await app.openView({ workspace: workspaces.large.id, page: 3 });

    await expect(app.rowsPerPage.getByRole('option')).toHaveText([
      '25',
      '50',
      '100',
      '250',
      '500',
      '1,000',
      '2,000',
    ]);
    // Rows 201-300 were on screen: at 50 a page, row 201 starts page 5.
    await app.rowsPerPage.selectOption('50');
    await app.expectRange(pageRange(5, 50, total));
    await expect(page).toHaveURL(/page=5&display=50/);
    await expect(app.grid).toHaveAttribute('aria-rowcount', '51');

    await app.rowsPerPage.selectOption('1000');
    await app.expectRange(pageRange(1, 1000, total));
    await expect(page).toHaveURL(/display=1000/);
    await expect(page).not.toHaveURL(/page=/);
  });

  test('a short last page and a filtered set page correctly', async ({ app, api, workspaces }) => {
    const query = { workspace: workspaces.small.id, stage: 'Untouched', display: 50 } as const;
    const total = await api.totalFound(query);
    const lastPage = Math.ceil(total / 50);
    await app.openView({ ...query, page: lastPage });

    await app.expectRange(rangeText((lastPage - 1) * 50 + 1, total, total));
    await expect(app.grid).toHaveAttribute('aria-rowcount', String(total - (lastPage - 1) * 50 + 1));
  });

  test('while another filter loads, the previous rows stay on screen, dimmed, under a progress bar', async ({
    page,
    app,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    const firstPage = await app.openView({ workspace });
    const firstRow = app.row(1);
    await expect(await app.cell(firstRow, EMAIL)).toHaveText(firstPage.data[0]?.email ?? '');

    // Hold the answer for the new filter until the test has looked at the screen.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/contacts?*stage=Nurture*', async (route) => {
      await released;
      await route.continue();
    });
    await app.stage('Nurture').check();

    await expect(page.getByRole('progressbar', { name: 'Loading contacts' })).toBeVisible();
    await expect(app.grid).toHaveAttribute('aria-busy', 'true');
    await expect(await app.cell(firstRow, EMAIL)).toHaveText(firstPage.data[0]?.email ?? '');

    release();
    await app.expectView({ workspace, stage: 'Nurture' });
    expect(new Set(await app.columnTexts(columnLabel('stage')))).toEqual(new Set(['Nurture']));
  });

  test('a 2000-row page renders only the rows in view, scrolls to its last row and keeps the header pinned', async ({
    app,
    workspaces,
  }) => {
    const firstPage = await app.openView({ workspace: workspaces.large.id, display: 2000 });
    expect(firstPage.total_found, 'the large workspace holds more than one 2000-row page').toBeGreaterThan(
      2000,
    );
    await expect(app.grid).toHaveAttribute('aria-rowcount', '2001');

    const rendered = await app.renderedRows().count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered, 'rows in the DOM: only those in view plus a small overscan').toBeLessThan(80);

    const header = app.grid.getByRole('columnheader').first();
    const gridTop = (await app.grid.boundingBox())?.y ?? Number.NaN;
    await app.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));

    const lastRow = app.row(2000);
    await expect(lastRow).toBeInViewport();
    await expect(await app.cell(lastRow, EMAIL)).toHaveText(firstPage.data[1999]?.email ?? '');
    expect(await app.renderedRows().count()).toBeLessThan(80);
    await expect(header).toBeInViewport();
    const headerTop = (await header.boundingBox())?.y ?? Number.NaN;
    expect(Math.abs(headerTop - gridTop), 'the header stays at the top of the grid').toBeLessThan(4);
  });
});
