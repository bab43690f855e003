import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ERROR_LABELS, errorBody } from '../src/shared/contract';
import { ContactsScreen } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

/**
 * axe-core on each state a person meets. Serious and critical findings fail the test, listed with
 * the rule, what it means and the first offending elements; minor and moderate ones are left to
 * judgement.
 */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
  expect(serious).toEqual([]);
}

test.describe('accessibility (axe)', () => {
  test('the main view with contacts', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id });
    await screen.expectSettled();
    await expectNoSeriousViolations(page);
  });

  test('the filters with the campaign list open', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id, stage: 'Replied', has_opened: 'true' });
    await screen.expectSettled();
    await screen.campaign.click();
    await expect(page.getByRole('listbox')).toBeVisible();
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('no contacts matching the filters', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id, search: 'no-such-address-anywhere' });
    await expect(page.getByText('No contacts match these filters')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the empty workspace', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.empty.id });
    await expect(page.getByText(/has no contacts yet/)).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test.describe('the error state', () => {
    test.use({
      expectedConsoleErrors: [/^Failed to load resource: the server responded with a status of 429 /],
    });

    test('an error with Retry', async ({ page, workspaces }) => {
      const screen = new ContactsScreen(page);
      await page.route(
        (url) => url.pathname === '/api/contacts',
        (route) =>
          route.fulfill({
            status: 429,
            json: errorBody(429, ERROR_LABELS.outOfCredits, 'You have run out of API credits.'),
          }),
      );
      await screen.open({ workspace: workspaces.large.id });
      await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the filters, the grid and the paging controls, in that order', async ({
    page,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id });
    await screen.expectSettled();

    const wanted = [
      page.getByRole('combobox', { name: 'Workspace' }),
      screen.campaign,
      screen.stageGroup.getByRole('radio', { checked: true }),
      screen.engagement('Opened'),
      screen.search,
      screen.grid,
      screen.button('Next page'),
      page.getByRole('combobox', { name: 'Rows per page' }),
    ];
    const reachedAt: number[] = [];
    await page.locator('body').focus();
    for (let presses = 1; presses <= 200 && reachedAt.length < wanted.length; presses += 1) {
      await page.keyboard.press('Tab');
      const next = wanted[reachedAt.length];
      if (next && (await next.evaluate((element) => element === document.activeElement)))
        reachedAt.push(presses);
    }
    expect(reachedAt, 'Tab presses at which each control took the focus').toHaveLength(wanted.length);

    // The grid takes the focus and is operable from the keyboard: a key scrolls it.
    await screen.grid.focus();
    await expect(screen.grid).toBeFocused();
    const before = await screen.grid.evaluate((grid) => grid.scrollTop);
    await page.keyboard.press('PageDown');
    await expect.poll(() => screen.grid.evaluate((grid) => grid.scrollTop)).toBeGreaterThan(before);
  });
});
