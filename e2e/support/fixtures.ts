import { test as base, expect } from '@playwright/test';
import { SandboxApi, sandboxWorkspaces, type SandboxWorkspaces } from './sandbox-api';
import { APP_URL } from './servers';

type TestFixtures = {
  /**
   * Console errors a test provokes on purpose (a 500 it routes in logs "Failed to load resource").
   * Anything else logged as an error, and every uncaught page error, fails the test.
   */
  expectedConsoleErrors: RegExp[];
  api: SandboxApi;
};

type WorkerFixtures = { workspaces: SandboxWorkspaces };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  expectedConsoleErrors: [[], { option: true }],

  page: async ({ page, expectedConsoleErrors }, use) => {
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

  api: async ({ request }, use) => {
    await use(new SandboxApi(request));
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
