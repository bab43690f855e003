import { expect, type Locator, type Page } from '@playwright/test';
import { DEFAULT_DISPLAY } from '../../src/features/contacts/params/filter-params';
import { CONTACT_FIELDS, type ContactFieldCode, type ContactsPage } from '../../src/shared/contract';
import { readCsvDownload, type CsvFile } from './csv-file';
import { queryString, SandboxApi, type ContactsQuery } from './sandbox-api';

/** Numbers as the app prints them ("61,234"): the tests run the browser in en-US. */
export const formatCount = (value: number) => value.toLocaleString('en-US');

/** The paging status a person reads, e.g. "1–2,000 of 61,234", or "0 of 0" for no contacts. */
export function rangeText(first: number, last: number, total: number): string {
  if (total === 0) return '0 of 0';
  return `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
}

/** Where a page of `display` rows starts and ends, as the paging status reports it. */
export function pageRange(page: number, display: number, total: number): string {
  const first = (page - 1) * display + 1;
  return rangeText(first, Math.min(page * display, total), total);
}

/** A column's header text: the field's label from the contract. */
export function columnLabel(code: ContactFieldCode): string {
  const field = CONTACT_FIELDS.find((candidate) => candidate.code === code);
  if (!field) throw new Error(`no contact field ${code}`);
  return field.label;
}

/**
 * The contact browser's screen, located by role and accessible name only, so the tests read like
 * what a person does.
 */
export class ContactsScreen {
  readonly grid: Locator;
  readonly pagingStatus: Locator;
  readonly stageGroup: Locator;
  readonly campaign: Locator;
  readonly search: Locator;
  readonly workspace: Locator;
  readonly rowsPerPage: Locator;
  /** The API the screen is compared with, reached like the page reaches it (page.route leaves it alone). */
  readonly api: SandboxApi;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Contacts' });
    // Notices may be statuses too; the paging one is the status that reads "… of <total>".
    this.pagingStatus = page.getByRole('status').filter({ hasText: /\d of [\d,]+/ });
    this.stageGroup = page.getByRole('radiogroup', { name: 'Stage' });
    this.campaign = page.getByRole('combobox', { name: 'Campaign' });
    this.search = page.getByRole('searchbox', { name: 'Search email' });
    this.workspace = page.getByRole('combobox', { name: 'Workspace' });
    this.rowsPerPage = page.getByRole('combobox', { name: 'Rows per page' });
    this.api = new SandboxApi(page.request);
  }

  /** Opens the app on a view, its filters spelled as in the URL (`has_opened: true` reads "true"). */
  async open(query: Parameters<typeof queryString>[0] = {}): Promise<void> {
    const search = queryString(query);
    await this.page.goto(search ? `/?${search}` : '/');
  }

  /**
   * Waits until the screen shows the API's answer for the view `query` describes: the paging
   * status names the API's total and nothing is loading. Returns that answer, the rows the screen
   * should hold.
   */
  async expectView(query: ContactsQuery): Promise<ContactsPage> {
    const answer = await this.api.contacts(query);
    await this.expectRange(pageRange(query.page ?? 1, query.display ?? DEFAULT_DISPLAY, answer.total_found));
    return answer;
  }

  /** Opens the app on the view `query` describes, then expectView. */
  async openView(query: ContactsQuery): Promise<ContactsPage> {
    await this.open(query);
    return this.expectView(query);
  }

  /** Data rows currently in the DOM (the header row has aria-rowindex 1). */
  renderedRows(): Locator {
    return this.grid.getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });
  }

  /**
   * The page's n-th data row (from 1), by its aria-rowindex: recycled rows need not stand in the
   * DOM in the order they are shown.
   */
  row(n: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${n + 1}"]`);
  }

  stage(name: string): Locator {
    return this.stageGroup.getByRole('radio', { name, exact: true });
  }

  engagement(name: 'Opened' | 'Clicked' | 'Replied' | 'Bounced'): Locator {
    return this.page.getByRole('checkbox', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A status message (the app's toasts and notices) that says `text`. */
  status(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** Waits until the rows on screen are those of the settled request, not the dimmed previous ones. */
  async expectSettled(): Promise<void> {
    await expect(this.page.getByRole('progressbar', { name: 'Loading contacts' })).toHaveCount(0);
    await expect(this.grid).not.toHaveAttribute('aria-busy', 'true');
  }

  async expectRange(text: string): Promise<void> {
    await expect(this.pagingStatus).toHaveText(text);
    await this.expectSettled();
  }

  /**
   * Waits until the sidebar, which mounts after the first rows, is in place with its campaign
   * picker ready and the saved views loaded, so that what a test does next (marking controls,
   * taking the server down) does not race their first requests.
   */
  async expectSidebarReady(): Promise<void> {
    await expect(this.campaign).toBeEnabled();
    const savedViews = this.page.getByRole('navigation', { name: 'Saved views' });
    await expect(savedViews.getByRole('button', { name: 'Save view' })).toBeVisible();
    await expect(savedViews.getByText('Loading saved views…')).toHaveCount(0);
  }

  /** A column's aria-colindex, found by its header's accessible name. */
  async columnIndex(header: string): Promise<string> {
    const columnHeader = this.grid.getByRole('columnheader', { name: header, exact: true });
    await expect(columnHeader, `a column named "${header}"`).toHaveCount(1);
    const index = await columnHeader.getAttribute('aria-colindex');
    if (index === null) throw new Error(`the "${header}" column header has no aria-colindex`);
    return index;
  }

  /** One cell of a rendered row, by its column's header. */
  async cell(row: Locator, header: string): Promise<Locator> {
    return row.locator(`[role="gridcell"][aria-colindex="${await this.columnIndex(header)}"]`);
  }

  /** The hover title of a cell, with the pointer on it: on the cell itself or on what it holds. */
  async cellTitle(row: Locator, header: string): Promise<Locator> {
    const cell = `[role="gridcell"][aria-colindex="${await this.columnIndex(header)}"]`;
    await row.locator(cell).hover();
    return row.locator(`${cell}[title], ${cell} [title]`).first();
  }

  /** The texts of one column in the rendered rows, top to bottom (by aria-rowindex, not DOM order). */
  async columnTexts(header: string): Promise<string[]> {
    const index = await this.columnIndex(header);
    return this.renderedRows().evaluateAll(
      (rows, column) =>
        rows
          .map((row) => ({
            at: Number(row.getAttribute('aria-rowindex')),
            text:
              row.querySelector(`[role="gridcell"][aria-colindex="${column}"]`)?.textContent?.trim() ?? '',
          }))
          .sort((a, b) => a.at - b.at)
          .map((row) => row.text),
      index,
    );
  }

  /** The column headers' texts, left to right. */
  headerTexts(): Promise<string[]> {
    return this.grid.getByRole('columnheader').allTextContents();
  }

  /** Opens the Columns control and returns its dialog. */
  async openColumns(): Promise<Locator> {
    await this.button('Columns').click();
    return this.page.getByRole('dialog', { name: 'Columns' });
  }

  /**
   * Takes the File System Access save picker away before the app loads, so that an export
   * downloads a Blob, as in a browser without the picker, and the test receives the file.
   */
  async useBlobDownloads(): Promise<void> {
    await this.page.addInitScript(() => {
      Reflect.deleteProperty(window, 'showSaveFilePicker');
    });
  }

  /**
   * Makes one of the app's lazily loaded chunks (named by its file, e.g. 'export-code') fail to
   * arrive, as after a network drop or a deploy in between, until the returned function is called.
   */
  async withholdChunk(name: string): Promise<() => void> {
    let withheld = true;
    await this.page.route(`**/assets/${name}-*.js`, (route) =>
      withheld ? route.abort('failed') : route.continue(),
    );
    return () => {
      withheld = false;
    };
  }

  /** Picks `item` in the Export CSV menu, e.g. /^Current page/. */
  async chooseExport(item: string | RegExp): Promise<void> {
    await this.button('Export CSV').click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Exports with `item` and reads the file it downloads (a large export takes a while). */
  async exportCsv(item: string | RegExp): Promise<CsvFile> {
    const download = this.page.waitForEvent('download', { timeout: 120_000 });
    await this.chooseExport(item);
    return readCsvDownload(await download);
  }

  /** "Export selected" in the selection bar, and the file it downloads. */
  async exportSelected(): Promise<CsvFile> {
    const download = this.page.waitForEvent('download');
    await this.page
      .getByRole('region', { name: 'Selection' })
      .getByRole('button', { name: 'Export selected' })
      .click();
    return readCsvDownload(await download);
  }

  /** Picks a campaign in the searchable combobox by typing part of its name. */
  async chooseCampaign(name: string): Promise<void> {
    await this.campaign.click();
    await this.campaign.fill(name);
    await this.page.getByRole('option', { name }).first().click();
  }
}
