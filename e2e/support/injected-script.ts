import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What a contact record or a link may contain is untrusted: it is shown as text and never run.
 * A test can arm the hostile payloads on their way to the browser so that, if one ever ran, it
 * would also set window.__pwned; a dialog (alert) fails the test too.
 */

export const PWNED_FLAG = '__pwned';

/** Watches a page for any sign that injected script ran: a dialog opened, or the flag set. */
export function watchForInjectedScript(page: Page): () => Promise<void> {
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
export const armed = (text: string) => text.replaceAll('alert(', `window.${PWNED_FLAG}=1,alert(`);

export async function armPayloads(page: Page): Promise<void> {
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
export async function scriptableUrls(page: Page): Promise<string[]> {
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
    return unsafe;
  });
}

/** Elements of kinds contact text could smuggle in; the app itself renders none inside its main area. */
export async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll('main script, main iframe, main img, main style, main object, main embed'),
    ].map((element) => element.outerHTML.slice(0, 120)),
  );
}

/**
 * The open detail panel of a hostile contact holds its record as text: no scriptable URL anywhere,
 * links only to the web, mail or phone (new tabs without a handle on this one), and no element
 * the record's markup could have created.
 */
export async function expectInertPanel(page: Page, panel: Locator, contact: string): Promise<void> {
  expect(await scriptableUrls(page), `scriptable URLs in the DOM for ${contact}`).toEqual([]);
  for (const link of await panel.locator('a[href]').all()) {
    expect(await link.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:|tel:)/);
  }
  for (const link of await panel.locator('a[target="_blank"]').all()) {
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  expect(await panel.locator('script, img, svg, iframe, b, i').count(), `markup in ${contact}`).toBe(0);
  expect(await injectedElements(page)).toEqual([]);
}
