import type { Page } from '@playwright/test';
import { parseFilters, writeFilters } from '../src/features/contacts/filters/filter-params';
import { columnLabel, ContactsScreen } from './support/contacts-screen';
import type { Contact } from '../src/shared/contract';
import { expect, test } from './support/fixtures';

/**
 * What a contact record or a link may contain is untrusted: it is shown as text and never run.
 * Every hostile payload is rewritten on its way to the browser so that, if it ever ran, it would
 * also set window.__pwned; a dialog (alert) fails the test too.
 */

const PWNED_FLAG = '__pwned';

/** Watches a page for any sign that injected script ran: a dialog opened, or the flag set. */
function watchForInjectedScript(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return async () => {
    expect(dialogs, 'dialogs opened by injected script').toEqual([]);
    expect(await page.evaluate((flag) => Reflect.get(window, flag), PWNED_FLAG)).toBeUndefined();
  };
}

/** A payload as armed: every alert() also sets the flag, in a way that keeps the JSON valid. */
const armed = (text: string) => text.replaceAll('alert(', `window.${PWNED_FLAG}=1,alert(`);

async function armPayloads(page: Page): Promise<void> {
  // The hostile rows and each contact's record; one-row counts carry no record values.
  const carriesRecords = (url: URL) =>
    url.pathname.startsWith('/api/contacts/') ||
    (url.pathname === '/api/contacts' && url.searchParams.get('display') !== '1');
  await page.route(carriesRecords, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: armed(await response.text()) });
  });
}

/**
 * Links, sources and form targets that could run script, and inline event handlers, anywhere in
 * the document. Browsers ignore whitespace and control characters inside a scheme, so they are
 * removed before the check, as a browser would.
 */
async function scriptableUrls(page: Page): Promise<{ unsafe: string[]; links: number }> {
  return page.evaluate(() => {
    const unsafe: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped.
        const scheme = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (name.startsWith('on')) unsafe.push(`<${element.tagName.toLowerCase()} ${name}>`);
        else if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(name) &&
          /^(javascript|data|vbscript):/.test(scheme)
        )
          unsafe.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value}">`);
      }
    }
    return { unsafe, links: document.querySelectorAll('a[href]').length };
  });
}

/** Elements of kinds contact text could smuggle in; the app itself renders none inside its main area. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll('main script, main iframe, main img, main style, main object, main embed'),
    ].map((element) => element.outerHTML.slice(0, 120)),
  );
}

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
    test(`${name}: a working page, a notice, and a corrected URL`, async ({ page, workspaces }) => {
      const ranScript = watchForInjectedScript(page);
      const search = `?${query(workspaces.large.id)}`;
      await page.goto(`/${search}`);

      const notices = page.getByRole('status').filter({ has: page.getByRole('listitem') });
      await expect(notices).toContainText(notice);
      // The app works: filters can be used, and the URL now holds only what was understood.
      await expect(page.getByRole('radiogroup', { name: 'Stage' })).toBeVisible();
      await expect.poll(() => new URL(page.url()).search).toBe(writeFilters(parseFilters(search).filters));
      const hasWorkspace = parseFilters(search).filters.workspace !== null;
      if (hasWorkspace) {
        const screen = new ContactsScreen(page);
        await expect(page.getByRole('progressbar', { name: 'Loading contacts' })).toHaveCount(0);
        await expect(
          screen.renderedRows().first().or(page.getByText('No contacts match these filters')),
        ).toBeVisible();
      } else {
        await expect(page.getByText('Choose a workspace to see its contacts.')).toBeVisible();
      }
      expect(await injectedElements(page)).toEqual([]);
      await ranScript();
    });
  }
});

test.describe('hostile contact records', () => {
  // Tall enough for every hostile record to be rendered at once by the virtualized grid.
  test.use({ viewport: { width: 1440, height: 2000 } });

  test('are shown as text in the table and its tooltips, with no script run and no scriptable link', async ({
    page,
    api,
    workspaces,
  }) => {
    const ranScript = watchForInjectedScript(page);
    await armPayloads(page);
    const workspace = workspaces.large.id;
    const hostile = (await api.contacts({ workspace, search: 'hostile.example', display: 100 })).data;
    expect(hostile.length).toBeGreaterThan(30);

    const screen = new ContactsScreen(page);
    await screen.open({ workspace, search: 'hostile.example' });
    await screen.expectSettled();
    await expect(screen.renderedRows()).toHaveCount(hostile.length);

    // Markup in a record reads as the characters typed, in the cell and in its hover title.
    const byEmail = (email: string) => screen.renderedRows().filter({ hasText: email });
    const scriptRow = byEmail('script.tag@hostile.example');
    const fullName = await screen.cell(scriptRow, columnLabel('full_name'));
    await expect(fullName).toHaveText(armed('<script>alert(1)</script> Smith'));
    await expect(fullName.locator('[title]')).toHaveAttribute(
      'title',
      armed('<script>alert(1)</script> Smith'),
    );
    const imgRow = byEmail('img.onerror@hostile.example');
    await expect(await screen.cell(imgRow, columnLabel('title'))).toHaveText('<b>Bold</b> <i>CEO</i>');
    const cssRow = byEmail('css.injection@hostile.example');
    await expect((await screen.cell(cssRow, columnLabel('company_name'))).locator('[title]')).toHaveAttribute(
      'title',
      armed('x" style="background:url(javascript:alert(1))'),
    );

    // Every column of every hostile row, scrolled into view in turn (columns are virtualized too),
    // with each cell's tooltip hovered.
    const columnCount = Number(await screen.grid.getAttribute('aria-colcount'));
    const seenColumns = new Set<string>();
    const width = await screen.grid.evaluate((grid) => grid.scrollWidth);
    const step = await screen.grid.evaluate((grid) => Math.max(200, grid.clientWidth - 200));
    for (let left = 0; ; left += step) {
      await screen.grid.evaluate((grid, x) => grid.scrollTo({ left: x }), left);
      await expect(screen.grid.getByRole('columnheader').last()).toBeVisible();
      for (const header of await screen.grid.getByRole('columnheader').all())
        seenColumns.add((await header.getAttribute('aria-colindex')) ?? '');
      for (const cell of await scriptRow.locator('[title]').all()) await cell.hover({ trial: false });
      const { unsafe } = await scriptableUrls(page);
      expect(unsafe, 'scriptable URLs or inline handlers in the DOM').toEqual([]);
      if (left >= width) break;
    }
    expect(columnCount).toBeGreaterThan(5);
    expect(seenColumns.size).toBe(columnCount);
    expect(await injectedElements(page)).toEqual([]);
    await ranScript();
  });

  test('are shown as text in the detail panel, links only from http(s), no script run', async ({
    page,
    api,
    workspaces,
  }) => {
    const ranScript = watchForInjectedScript(page);
    await armPayloads(page);
    const workspace = workspaces.large.id;
    const hostile = (await api.contacts({ workspace, search: 'hostile.example', display: 100 })).data;
    const withLinksOrMarkup = (contact: Contact) =>
      /(javascript|data|vbscript|<|=HYPERLINK|file:|\/\/)/i.test(JSON.stringify(contact));
    // The records with links or markup in them, eight of them to keep the test short.
    const targets = hostile.filter(withLinksOrMarkup).slice(0, 8);
    expect(targets).toHaveLength(8);

    const screen = new ContactsScreen(page);
    await screen.open({ workspace, search: 'hostile.example' });
    await screen.expectSettled();
    for (const contact of targets) {
      await screen
        .renderedRows()
        .filter({ hasText: armed(contact.email ?? '') })
        .getByRole('gridcell')
        .nth(2)
        .click();
      const panel = page.getByRole('dialog');
      await expect(panel).toContainText(armed(contact.email ?? ''));
      const { unsafe } = await scriptableUrls(page);
      expect(unsafe, `scriptable URLs in the DOM for ${contact.email}`).toEqual([]);
      for (const link of await panel.locator('a[href]').all()) {
        expect(await link.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:|tel:)/);
      }
      expect(await injectedElements(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
    }
    await screen.expectSettled();
    await ranScript();
  });

  test('export without running anything', async ({ page, workspaces }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'showSaveFilePicker');
    });
    const ranScript = watchForInjectedScript(page);
    await armPayloads(page);
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id, search: 'hostile.example' });
    await screen.expectSettled();

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /^Current page/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    const { unsafe } = await scriptableUrls(page);
    expect(unsafe).toEqual([]);
    await ranScript();
  });
});

test.describe('the Content-Security-Policy', () => {
  test.use({
    // The two violations the test provokes, as Chromium reports them (older and newer wording).
    expectedConsoleErrors: [
      /^(Executing inline (script|event handler) violates the following Content Security Policy directive 'script-src 'self''|Refused to execute inline (script|event handler) because it violates the following Content Security Policy directive: "script-src 'self'")/,
    ],
  });

  test('blocks a script injected into the page, and an inline event handler', async ({
    page,
    workspaces,
  }) => {
    const response = await page.goto(`/?workspace=${workspaces.large.id}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('grid', { name: 'Contacts' })).toBeVisible();

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
