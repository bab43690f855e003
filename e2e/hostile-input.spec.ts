import { parseFilters, writeFilters } from '../src/features/contacts/params/filter-params';
import type { Contact } from '../src/shared/contract';
import { columnLabel, type ContactsScreen } from './support/contacts-screen';
import { expect, expectConsoleErrors, test } from './support/fixtures';
import {
  armed,
  armPayloads,
  expectInertPanel,
  injectedElements,
  PWNED_FLAG,
  scriptableUrls,
  watchForInjectedScript,
} from './support/injected-script';

/** Untrusted text in a link or a contact record is shown as text and never run (see injected-script). */

test.describe('nasty URLs', () => {
  const cases: { name: string; query: (workspace: string) => string; notice: RegExp }[] = [
    {
      name: 'huge values',
      query: (workspace) =>
        `workspace=${workspace}&page=99999999999999999999&display=123456789&search=${'a'.repeat(3000)}`,
      notice: /Shortened the search to 200 characters/,
    },
    {
      name: 'repeated keys',
      query: (workspace) =>
        `workspace=${workspace}&stage=Replied&stage=Interested&page=1&page=3&workspace=space_x`,
      notice: /Used the first of 2 values given for stage/,
    },
    {
      name: 'encoded nulls',
      query: (workspace) => `workspace=${workspace}&search=%00hostile%00&stage=%00&campaign=camp_x%00y`,
      notice: /Removed control characters from the search/,
    },
    {
      name: 'unicode and broken escapes',
      query: (workspace) =>
        `workspace=${workspace}&search=%F0%9F%A6%84%E2%80%AE&stage=%E0%A4&contact=%ED%A0%80`,
      notice: /Ignored contact ".*": not a Mailstand contact id/,
    },
    {
      name: 'markup in values',
      query: (workspace) =>
        `workspace=${workspace}&stage=%3Cscript%3Ealert(1)%3C%2Fscript%3E&campaign=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`,
      notice: /Ignored stage "<script>alert\(1\)<\/script>": not a Mailstand stage/,
    },
    {
      name: 'script URLs and prototype keys',
      query: () => 'workspace=javascript:alert(1)&__proto__[polluted]=1&constructor[prototype][x]=1',
      notice: /Ignored workspace "javascript:alert\(1\)": not a Mailstand workspace id/,
    },
  ];

  for (const { name, query, notice } of cases) {
    test(`${name}: a working page, a notice, and a corrected URL`, async ({ page, app, workspaces }) => {
      const ranScript = watchForInjectedScript(page);
      const search = `?${query(workspaces.large.id)}`;
      await page.goto(`/${search}`);

      const notices = page.getByRole('status').filter({ has: page.getByRole('listitem') });
      await expect(notices).toContainText(notice);
      // The app works: filters can be used, and the URL now holds only what was understood.
      await expect(app.stageGroup).toBeVisible();
      await expect.poll(() => new URL(page.url()).search).toBe(writeFilters(parseFilters(search).filters));
      const hasWorkspace = parseFilters(search).filters.workspace !== null;
      if (hasWorkspace) {
        await expect(page.getByRole('progressbar', { name: 'Loading contacts' })).toHaveCount(0);
        await expect(
          app.renderedRows().first().or(page.getByText('No contacts match these filters')),
        ).toBeVisible();
      } else {
        await expect(page.getByText('Choose a workspace to see its contacts.')).toBeVisible();
      }
      expect(await injectedElements(page)).toEqual([]);
      await ranScript();
    });
  }
});

/** Arms the hostile payloads and opens the hostile records; returns them and the check that no script ran. */
async function openArmedHostileRecords(app: ContactsScreen, workspace: string) {
  const ranScript = watchForInjectedScript(app.page);
  await armPayloads(app.page);
  const { data } = await app.openView({ workspace, search: 'hostile.example' });
  return { hostile: data, ranScript };
}

test.describe('hostile contact records', () => {
  // Tall enough for every hostile record to be rendered at once by the virtualized grid.
  test.use({ viewport: { width: 1440, height: 2000 } });

  test('are shown as text in the table and its tooltips, with no script run and no scriptable link', async ({
    page,
    app,
    workspaces,
  }) => {
    const { hostile, ranScript } = await openArmedHostileRecords(app, workspaces.large.id);
    expect(hostile.length).toBeGreaterThan(30);
    await expect(app.renderedRows()).toHaveCount(hostile.length);

    // Markup in a record reads as the characters typed, in the cell and in its hover title.
    const byEmail = (email: string) => app.renderedRows().filter({ hasText: email });
    const scriptRow = byEmail('script.tag@hostile.example');
    const fullName = await app.cell(scriptRow, columnLabel('full_name'));
    await expect(fullName).toHaveText(armed('<script>alert(1)</script> Smith'));
    await expect(await app.cellTitle(scriptRow, columnLabel('full_name'))).toHaveAttribute(
      'title',
      armed('<script>alert(1)</script> Smith'),
    );
    const imgRow = byEmail('img.onerror@hostile.example');
    await expect(await app.cell(imgRow, columnLabel('title'))).toHaveText('<b>Bold</b> <i>CEO</i>');
    const cssRow = byEmail('css.injection@hostile.example');
    await expect(await app.cellTitle(cssRow, columnLabel('company_name'))).toHaveAttribute(
      'title',
      armed('x" style="background:url(javascript:alert(1))'),
    );

    // Every column of every hostile row, scrolled into view in turn (columns are virtualized too),
    // with each cell's tooltip hovered.
    const columnCount = Number(await app.grid.getAttribute('aria-colcount'));
    const seenColumns = new Set<string>();
    const width = await app.grid.evaluate((grid) => grid.scrollWidth);
    const step = await app.grid.evaluate((grid) => Math.max(200, grid.clientWidth - 200));
    for (let left = 0; ; left += step) {
      await app.grid.evaluate((grid, x) => grid.scrollTo({ left: x }), left);
      await expect(app.grid.getByRole('columnheader').last()).toBeVisible();
      for (const header of await app.grid.getByRole('columnheader').all())
        seenColumns.add((await header.getAttribute('aria-colindex')) ?? '');
      // The pointer on the row (its pinned cell stays in view) gives its cells their titles.
      await scriptRow.locator('[role="gridcell"][aria-colindex="2"]').hover();
      for (const cell of await scriptRow.locator('[title]').all()) await cell.hover({ trial: false });
      expect(await scriptableUrls(page), 'scriptable URLs or inline handlers in the DOM').toEqual([]);
      if (left >= width) break;
    }
    expect(columnCount).toBeGreaterThan(5);
    expect(seenColumns.size).toBe(columnCount);
    expect(await injectedElements(page)).toEqual([]);
    await ranScript();
  });

  test('are shown as text in the detail panel, links only from http(s), no script run', async ({
    page,
    app,
    workspaces,
  }) => {
    const { hostile, ranScript } = await openArmedHostileRecords(app, workspaces.large.id);
    const withLinksOrMarkup = (contact: Contact) =>
      /(javascript|data|vbscript|<|=HYPERLINK|file:|\/\/)/i.test(JSON.stringify(contact));
    // The records with links or markup in them, eight of them to keep the test short.
    const targets = hostile.filter(withLinksOrMarkup).slice(0, 8);
    expect(targets).toHaveLength(8);

    for (const contact of targets) {
      await app
        .renderedRows()
        .filter({ hasText: armed(contact.email ?? '') })
        .getByRole('gridcell')
        .nth(2)
        .click();
      const panel = page.getByRole('dialog');
      await expect(panel).toContainText(armed(contact.email ?? ''));
      await expectInertPanel(page, panel, contact.email ?? contact.id);
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
    }
    await app.expectSettled();
    await ranScript();
  });

  test('export without running anything', async ({ page, app, workspaces }) => {
    await app.useBlobDownloads();
    const { ranScript } = await openArmedHostileRecords(app, workspaces.large.id);

    expect((await app.exportCsv(/^Current page/)).fileName).toMatch(/\.csv$/);
    expect(await scriptableUrls(page)).toEqual([]);
    await ranScript();
  });
});

test.describe('the Content-Security-Policy', () => {
  // The two violations the test provokes, as Chromium reports them (older and newer wording).
  test.use(
    expectConsoleErrors(
      /^Executing inline (script|event handler) violates the following Content Security Policy directive 'script-src 'self''/,
      /^Refused to execute inline (script|event handler) because it violates the following Content Security Policy directive: "script-src 'self'"/,
    ),
  );

  test('blocks a script injected into the page, and an inline event handler', async ({
    page,
    app,
    workspaces,
  }) => {
    const response = await page.goto(`/?workspace=${workspaces.large.id}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(app.grid).toBeVisible();

    const outcome = await page.evaluate(async (flag) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
      const script = document.createElement('script');
      script.textContent = `window.${flag} = 'script';`;
      document.head.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', `window.${flag} = 'handler';`);
      document.body.append(button);
      button.click();
      button.remove();
      // Violation events are dispatched asynchronously.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { ran: Reflect.get(window, flag), violations };
    }, PWNED_FLAG);

    expect(outcome.ran).toBeUndefined();
    expect(outcome.violations).toEqual(['script-src-elem inline', 'script-src-attr inline']);
  });
});
