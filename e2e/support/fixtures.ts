import { test as base, expect } from '@playwright/test';
import { ContactsScreen } from './contacts-screen';
import { SandboxApi, sandboxWorkspaces, type SandboxWorkspaces } from './sandbox-api';
import { APP_URL } from './servers';

type TestFixtures = {
  /**
   * Console errors a test provokes on purpose (a 500 it routes in logs "Failed to load resource").
   * Anything else logged as an error, and every uncaught page error, fails the test. Set it with
   * `test.use(expectConsoleErrors(...))`, which a list of two or more needs.
   */
  expectedConsoleErrors: RegExp[];
  api: SandboxApi;
  /** The contact browser on this test's page (Playwright's own `screen` is the emulated screen size). */
  app: ContactsScreen;
  /** app.openView, for call sites that take it as a fixture. */
  openView: ContactsScreen['openView'];
};

type WorkerFixtures = { workspaces: SandboxWorkspaces };

/** The fixtures a test receives, for helpers that take several of them at once. */
export type AppFixtures = TestFixtures & WorkerFixtures;

/**
 * `test.use(expectConsoleErrors(/a/, /b/))`. A bare `{ expectedConsoleErrors: [/a/, /b/] }` would
 * lose /b/: Playwright reads an array whose second element is an object as [value, options]
 * (microsoft/playwright#32033), so the list goes in that long form.
 */
export function expectConsoleErrors(...patterns: RegExp[]): {
  expectedConsoleErrors: [RegExp[], { scope: 'test' }];
} {
  return { expectedConsoleErrors: [patterns, { scope: 'test' }] };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  expectedConsoleErrors: [[], { option: true }],

  page: async ({ page, expectedConsoleErrors }, use) => {
    // A bare list of two or more patterns arrives here as its first pattern alone: say how to fix it.
    if (!Array.isArray(expectedConsoleErrors)) {
      throw new Error('Set a list of expected console errors with test.use(expectConsoleErrors(...)).');
    }
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (!expectedConsoleErrors.some((pattern) => pattern.test(text)))
        problems.push(`console error: ${text}`);
    });
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },

  api: async ({ app }, use) => {
    await use(app.api);
  },

  app: async ({ page }, use) => {
    await use(new ContactsScreen(page));
  },

  openView: async ({ app }, use) => {
    await use((query) => app.openView(query));
  },

  workspaces: [
    async ({ playwright }, use) => {
      const request = await playwright.request.newContext({ baseURL: APP_URL });
      await use(await sandboxWorkspaces(new SandboxApi(request)));
      await request.dispose();
    },
    { scope: 'worker' },
  ],
});

export { expect };
