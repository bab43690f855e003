import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/support/find-chromium';
import {
  APP_URL,
  E2E_PORT,
  RATE_LIMITED_PORT,
  RATE_LIMITED_URL,
  TEAM_MEMBER,
  TIGHT_RATE_LIMIT,
} from './e2e/support/servers';

const inCi = Boolean(process.env.CI);

/** Environment for `npm start`: always sandbox mode, whatever the developer's shell or .env holds. */
function serverEnv(
  port: number,
  sandbox: { db: string; contacts: number; rateLimit: string },
  accessUsers = '',
) {
  return {
    ACCESS_USERS: accessUsers,
    PORT: String(port),
    HOST: '127.0.0.1',
    MAILSTAND_API_KEY: '',
    SANDBOX_DB: sandbox.db,
    // Saved views of the test runs stay apart from the ones made with npm start.
    APP_DB_PATH: sandbox.db.replace(/\.db$/, '-app.db'),
    SANDBOX_CONTACTS: String(sandbox.contacts),
    SANDBOX_RATE_LIMIT: sandbox.rateLimit,
  };
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: inCi,
  // Tests must be solid: a retry would hide a flaky app or a flaky test.
  retries: 0,
  workers: inCi ? 2 : undefined,
  // Generous: a 2-core CI machine runs two browsers and the server at once. No test asserts a
  // duration; these only bound how long a broken journey takes to fail.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: inCi ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: APP_URL,
    viewport: { width: 1440, height: 900 },
    // Fixed so that counts read "61,234" and the campaign columns' local times are predictable.
    locale: 'en-US',
    timezoneId: 'America/New_York',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The real server, as `npm start` runs it: the first start builds the app and seeds the
  // database, hence the generous timeouts; later starts reuse both.
  webServer: [
    {
      name: 'app',
      command: 'npm start',
      url: `${APP_URL}/healthz`,
      // Rate limit off: parallel workers share one sandbox key, and a 429 in the middle of an
      // unrelated journey would make it flaky. The rate-limited journey has its own server below.
      env: serverEnv(E2E_PORT, { db: '.data/e2e-sandbox.db', contacts: 100_000, rateLimit: 'off' }),
      timeout: 300_000,
      reuseExistingServer: !inCi,
      stdout: 'pipe',
    },
    {
      name: 'rate-limited',
      command: 'npm start',
      url: `${RATE_LIMITED_URL}/healthz`,
      // Its own small database: seeding takes a moment and no two servers write one file.
      // Signing in is needed here: the sign-in journey runs on this server too.
      env: serverEnv(
        RATE_LIMITED_PORT,
        {
          db: '.data/e2e-rate-limited.db',
          contacts: 5_000,
          rateLimit: TIGHT_RATE_LIMIT,
        },
        `${TEAM_MEMBER.user}:${TEAM_MEMBER.password}`,
      ),
      timeout: 300_000,
      reuseExistingServer: !inCi,
    },
  ],
});
