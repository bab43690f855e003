import { expect, expectConsoleErrors, test } from './fixtures';

/** The fixture every spec relies on to fail a test on an error in the page. */
test.describe('console errors in the page', () => {
  test.use(expectConsoleErrors(/^first expected$/, /^second expected$/));

  async function logErrors(page: import('@playwright/test').Page, texts: string[]): Promise<void> {
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    await page.evaluate((errors) => errors.forEach((text) => console.error(text)), texts);
    // Console messages reach the test asynchronously: wait for all of them before the check at the end.
    await expect.poll(() => logged).toEqual(texts);
  }

  test('each of a list of two or more expected errors is let through', async ({ page }) => {
    await logErrors(page, ['first expected', 'second expected']);
  });

  test('an error not in the list fails the test', async ({ page }) => {
    test.fail();
    await logErrors(page, ['first expected', 'not expected']);
  });
});
