import type { Page } from '@playwright/test';
import { ERROR_LABELS, errorBody } from '../src/shared/contract';
import { columnLabel, ContactsScreen, pageRange } from './support/contacts-screen';
import { drifting, startFaultUpstream, type Fault, type FaultUpstream } from './support/fault-upstream';
import { expect, expectConsoleErrors, test as base } from './support/fixtures';
import { startLiveApp, type LiveApp } from './support/live-app';
import type { SandboxApi } from './support/sandbox-api';
import { APP_URL, E2E_PORT } from './support/servers';

/**
 * Mailstand misbehaving, seen from the browser. The app runs in live mode against a fault-injecting
 * upstream that relays to the sandbox when healthy, so every fault travels the real path: upstream,
 * the server's proxy, the API client, the screen.
 */

const FAULTS_PORT = E2E_PORT + 2;
const API_KEY = 'key_faults_e2e_000000000000000000';
const FAILING_STAGE = 'Replied';

const test = base.extend<{ healthy: void }, { upstream: FaultUpstream; liveApp: LiveApp }>({
  upstream: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the object pattern even when empty.
    async ({}, use) => {
      const upstream = await startFaultUpstream({ sandboxUrl: `${APP_URL}/sandbox-api`, acceptKey: API_KEY });
      await use(upstream);
      await upstream.close();
    },
    { scope: 'worker' },
  ],
  liveApp: [
    async ({ upstream }, use) => {
      const app = await startLiveApp({ port: FAULTS_PORT, apiKey: API_KEY, apiUrl: upstream.url });
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
  // Each test starts with a healthy upstream and a running server, whatever the last one left.
  healthy: [
    async ({ upstream, liveApp }, use) => {
      upstream.inject(null);
      await liveApp.start();
      await use();
      upstream.inject(null);
    },
    { auto: true },
  ],
});

// One live server per worker: the cases run in order in one worker rather than spread out.
test.describe.configure({ mode: 'default' });

/**
 * Whether a request target, the browser's "/api/contacts?…" or the upstream's "/contacts?…", is
 * the first page of the list under a stage filter `stage` accepts, at the default 100 rows: not
 * the prefetched next page, nor a one-row count.
 */
const isStagePage =
  (stage: (value: string | null) => boolean) =>
  (target: string): boolean => {
    const url = new URL(target, 'http://upstream');
    const query = url.searchParams;
    return (
      url.pathname.replace(/^\/api/, '') === '/contacts' &&
      stage(query.get('stage')) &&
      query.get('page') === '1' &&
      query.get('display') === '100'
    );
  };

/** The failing list: only it fails, the rest of the app stays healthy. */
const isFailingList = isStagePage((stage) => stage === FAILING_STAGE);

/** How many requests the page has sent to targets `matches` selects since this call. */
function countRequests(page: Page, matches: (target: string) => boolean): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (matches(request.url())) count += 1;
  });
  return () => count;
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Fault =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

const mailstandError = (status: number, label: string, message: string, headers?: Record<string, string>) =>
  json(status, errorBody(status, label, message), headers);

const failedStatus = (status: number) =>
  new RegExp(`^Failed to load resource: the server responded with a status of ${status} `);

type FaultFixtures = {
  page: Page;
  upstream: FaultUpstream;
  liveApp: LiveApp;
  api: SandboxApi;
  workspace: string;
};

/**
 * Opens the large workspace on the live server and waits for its first page: the "last good rows"
 * every fault case must keep on screen. Counts the requests for the failing list from then on.
 */
async function openGoodPage({ page, liveApp, api, workspace }: FaultFixtures) {
  const screen = new ContactsScreen(page);
  // A fake clock that runs at normal speed until a test jumps ahead over a long wait.
  await page.clock.install();
  await page.goto(`${liveApp.url}/?workspace=${workspace}`);
  await expect(screen.row(1)).toBeVisible();
  await screen.expectSettled();
  await screen.expectSidebarReady();
  const email = columnLabel('email');
  const firstEmail = (await screen.columnTexts(email))[0] ?? '';
  expect(firstEmail).not.toBe('');
  return {
    screen,
    failingListRequests: countRequests(page, isFailingList),
    /** Ticks the failing stage; the URL it leads to, which nothing may change afterwards. */
    async chooseFailingStage(): Promise<string> {
      await screen.stage(FAILING_STAGE).check();
      await expect(page).toHaveURL(/[?&]stage=Replied(&|$)/);
      return page.url();
    },
    /** The rows from before the fault are still the ones on screen. */
    async expectLastGoodRows() {
      await expect(await screen.cell(screen.row(1), email)).toHaveText(firstEmail);
    },
    /** The failing stage's first page shows, as the API reports it. */
    async expectFailingStagePage() {
      await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, stage: FAILING_STAGE })));
    },
  };
}

type FailureCase = {
  /** What goes wrong: the describe block's title. */
  name: string;
  /** The test's own title. */
  title: string;
  /** Makes the failing list fail from now on. */
  breakList: (fixtures: FaultFixtures) => Promise<void>;
  /** Makes it work again, before the person presses Retry. */
  heal: (fixtures: FaultFixtures) => Promise<void>;
  /** The words the error panel must say. */
  says: RegExp;
  /** Requests the app may send for the failing list before it gives up: 1, or 3 with retries. */
  attempts: number;
  consoleErrors: RegExp[];
};

const KEEPS_ROWS_AND_RETRIES = 'keeps the last good rows, says what happened, and Retry recovers';

/** A case where the upstream answers the failing list with `fault`. */
function upstreamCase(
  name: string,
  fault: Fault,
  expected: Pick<FailureCase, 'says' | 'attempts' | 'consoleErrors'>,
): FailureCase {
  return {
    name,
    title: KEEPS_ROWS_AND_RETRIES,
    breakList: async ({ upstream }) => upstream.inject(fault, isFailingList),
    heal: async ({ upstream }) => upstream.inject(null),
    ...expected,
  };
}

const FAILURE_CASES: FailureCase[] = [
  upstreamCase(
    '400 Missing Record',
    mailstandError(400, ERROR_LABELS.missingRecord, 'The workspace was not found.'),
    {
      says: /no such record.*The workspace was not found/,
      attempts: 1,
      consoleErrors: [failedStatus(400)],
    },
  ),
  upstreamCase(
    '401 Unauthorized Permission',
    mailstandError(401, ERROR_LABELS.unauthorized, 'Invalid API key.'),
    {
      says: /refused the API key\. Check MAILSTAND_API_KEY/,
      attempts: 1,
      consoleErrors: [failedStatus(401)],
    },
  ),
  upstreamCase(
    '401 API Connection Error',
    mailstandError(401, ERROR_LABELS.apiConnectionError, 'Missing parameter: workspace.'),
    {
      says: /refused the request \(“API Connection Error”\).*Missing parameter: workspace/,
      attempts: 1,
      consoleErrors: [failedStatus(401)],
    },
  ),
  upstreamCase(
    '429 Too Many Requests (out of credits)',
    mailstandError(429, ERROR_LABELS.outOfCredits, 'You have run out of API credits.'),
    { says: /out of API credits\. Waiting will not help/, attempts: 1, consoleErrors: [failedStatus(429)] },
  ),
  upstreamCase('500 Bad Request', mailstandError(500, ERROR_LABELS.badRequest, 'Something went wrong.'), {
    says: /Mailstand reported “Bad Request”\. This is usually temporary\./,
    attempts: 3,
    consoleErrors: [failedStatus(500)],
  }),
  upstreamCase(
    '502 from a proxy, with an HTML body',
    (_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>');
    },
    {
      says: /answered HTTP 502 with content type text\/html instead of JSON/,
      attempts: 3,
      consoleErrors: [failedStatus(502)],
    },
  ),
  upstreamCase(
    'a JSON body of the wrong shape',
    json(200, { status: 'ok', data: 'not a list', total_found: 'many' }),
    {
      says: /Unexpected response from Mailstand: data/,
      attempts: 1,
      consoleErrors: [],
    },
  ),
  upstreamCase(
    'an empty body',
    (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '0' });
      res.end();
    },
    { says: /answered HTTP 200 with an empty body/, attempts: 3, consoleErrors: [failedStatus(502)] },
  ),
  upstreamCase(
    'a connection dropped mid-body',
    (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(`{"status":"ok","headers":[],"data":[{"id":"contact_${'x'.repeat(25)}","email":"half@`);
      // Let the proxy start reading, then break the connection as a failing network would.
      setTimeout(() => res.destroy(), 100);
    },
    {
      // The server reads whole answers: a broken one becomes its own 502, never half a page.
      says: /broke before its answer was complete/,
      attempts: 3,
      consoleErrors: [failedStatus(502)],
    },
  ),
  {
    name: 'a 502 with an HTML body from a proxy in front of the server',
    title: 'keeps the last good rows, says the server answered 502, and Retry recovers',
    breakList: async ({ page }) => {
      await page.route(
        (url) => url.pathname === '/api/contacts' && url.searchParams.get('stage') === FAILING_STAGE,
        (route) =>
          route.fulfill({
            status: 502,
            contentType: 'text/html',
            body: '<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>',
          }),
      );
    },
    heal: ({ page }) => page.unrouteAll(),
    says: /The server answered HTTP 502.*This is usually temporary/,
    attempts: 3,
    consoleErrors: [failedStatus(502)],
  },
  {
    name: 'the server restarting',
    title: 'while it is down the rows stay and the app says it cannot reach it; Retry works once it is back',
    breakList: ({ liveApp }) => liveApp.stop(),
    heal: ({ liveApp }) => liveApp.start(),
    says: /Could not reach the server\. Check that it is running/,
    attempts: 3,
    consoleErrors: [/^Failed to load resource: net::ERR_CONNECTION_REFUSED$/],
  },
];

for (const failure of FAILURE_CASES) {
  test.describe(failure.name, () => {
    test.use(expectConsoleErrors(...failure.consoleErrors));

    test(failure.title, async ({ page, upstream, liveApp, api, workspaces }) => {
      const fixtures = { page, upstream, liveApp, api, workspace: workspaces.large.id };
      const good = await openGoodPage(fixtures);

      await failure.breakList(fixtures);
      const url = await good.chooseFailingStage();

      const alert = page.getByRole('alert');
      await expect(alert).toContainText(failure.says, { timeout: 15_000 });
      await expect(alert.getByRole('heading')).not.toBeEmpty();
      await good.expectLastGoodRows();
      await expect(page).toHaveURL(url);
      expect(good.failingListRequests()).toBe(failure.attempts);

      // A minute later nothing has been sent again behind the person's back.
      await page.clock.fastForward(60_000);
      await expect(alert).toContainText(failure.says);
      expect(good.failingListRequests()).toBe(failure.attempts);

      await failure.heal(fixtures);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await good.expectFailingStagePage();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page).toHaveURL(url);
      expect(good.failingListRequests()).toBe(failure.attempts + 1);
    });
  });
}

test.describe('429 Rate Limited', () => {
  for (const retryAfter of ['3', null]) {
    const waits = retryAfter === null ? 15 : Number(retryAfter);
    test(`${retryAfter === null ? 'without' : 'with'} Retry-After: the server waits ${waits} s and asks again, and the app says how long it waited`, async ({
      page,
      upstream,
      liveApp,
      api,
      workspaces,
    }) => {
      test.setTimeout(60_000);
      const good = await openGoodPage({ page, upstream, liveApp, api, workspace: workspaces.large.id });
      const rateLimited = mailstandError(
        429,
        ERROR_LABELS.rateLimited,
        'Slow down.',
        retryAfter === null ? {} : { 'Retry-After': retryAfter },
      );
      // Refused once, as when someone else used the key; fine again by the time the server asks again.
      upstream.inject((req, res, forward) => {
        upstream.inject(null);
        rateLimited(req, res, forward);
      }, isFailingList);
      const upstreamCalls = () => upstream.received.filter(isFailingList).length;
      const callsBefore = upstreamCalls();
      const url = await good.chooseFailingStage();

      // The server's own wait, in real time: the page's fake clock does not reach it.
      const waited = page.getByText(/^Waited \d+ s for Mailstand's rate limit$/);
      await expect(waited).toBeVisible({ timeout: waits * 1000 + 15_000 });
      await good.expectFailingStagePage();
      const seconds = Number(/Waited (\d+) s/.exec((await waited.textContent()) ?? '')?.[1]);
      expect(seconds).toBeGreaterThanOrEqual(waits);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page).toHaveURL(url);
      // The browser asked once and never saw the 429; the upstream was asked twice.
      expect(good.failingListRequests()).toBe(1);
      expect(upstreamCalls() - callsBefore).toBe(2);
    });
  }
});

test('a 20-second response while the person keeps changing filters: earlier requests are cancelled, only the last result shows', async ({
  page,
  upstream,
  liveApp,
  api,
  workspaces,
}) => {
  test.setTimeout(60_000);
  const workspace = workspaces.large.id;
  const stages = ['Replied', 'Interested', 'Nurture', 'Not Interested'] as const;
  const last = stages[stages.length - 1] ?? 'Not Interested';
  const lastTotal = await api.totalFound({ workspace, stage: last });
  const { screen, expectLastGoodRows } = await openGoodPage({ page, upstream, liveApp, api, workspace });
  const isStageList = isStagePage((stage) => stage !== null);
  const listRequests = countRequests(page, isStageList);

  const slowly: Fault = (_req, res, forward) => {
    const timer = setTimeout(forward, 20_000);
    res.on('close', () => clearTimeout(timer));
  };
  upstream.inject(slowly, isStageList);
  const before = upstream.received.filter(isStageList).length;
  const cancelledBefore = upstream.cancelled.filter(isStageList).length;
  for (const stage of stages) {
    await screen.stage(stage).check();
    await expect
      .poll(() => upstream.received.filter(isStageList).length)
      .toBe(before + stages.indexOf(stage) + 1);
  }
  await expect(page).toHaveURL(/[?&]stage=Not\+Interested(&|$)/);
  const url = page.url();

  // The superseded requests were cancelled all the way to the upstream; the last one is waited for.
  await expect
    .poll(() => upstream.cancelled.filter(isStageList).length)
    .toBe(cancelledBefore + stages.length - 1);
  await expect(page.getByRole('progressbar', { name: 'Loading contacts' })).toBeVisible();
  await expectLastGoodRows();

  await expect(screen.pagingStatus).toHaveText(pageRange(1, 100, lastTotal), { timeout: 30_000 });
  await screen.expectSettled();
  expect(new Set(await screen.columnTexts(columnLabel('stage')))).toEqual(new Set([last]));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL(url);
  expect(listRequests()).toBe(stages.length);
});

test('a drifting upstream: every row shows, a quiet notice says what drifted, the detail lists other fields, the CSV holds the instants', async ({
  page,
  context,
  upstream,
  liveApp,
  api,
  workspaces,
}) => {
  const workspace = workspaces.large.id;
  const expected = (await api.contacts({ workspace, page: 1, display: 100 })).data;
  const screen = new ContactsScreen(page);
  await screen.useBlobDownloads();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: liveApp.url });
  upstream.inject(drifting, (target) => target.startsWith('/contacts'));
  await page.goto(`${liveApp.url}/?workspace=${workspace}`);
  await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace })));

  // Every row of the page is there, the one without an id included.
  await expect(screen.grid).toHaveAttribute('aria-rowcount', String(expected.length + 1));
  await expect(page.getByRole('alert')).toHaveCount(0);
  const emails = await screen.columnTexts(columnLabel('email'));
  expect(emails).toEqual(expected.slice(0, emails.length).map((contact) => contact.email || '—'));
  await expect(screen.row(18)).toHaveAttribute('title', /without a contact id/);
  await expect(await screen.cell(screen.row(14), columnLabel('stage'))).toHaveText('Warm lead');
  await expect(screen.stage('Warm lead')).toHaveCount(0);

  // The notice: how many values, which fields, one example; the details hold no contact value.
  // The page holds the shown columns' fields only: Created drifts, but is read once it is shown.
  const notice = page.getByRole('region', { name: 'Values in unexpected forms' });
  await expect(notice).toContainText(/\d+ values in \d+ fields \(.*lead_score.*\)/);
  await expect(notice).not.toContainText('created');
  const control = await screen.openColumns();
  await control.getByRole('checkbox', { name: 'Created', exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(notice).toContainText(/\d+ values in \d+ fields \(.*created.*\)/);
  const example = /Example: (data\[\d+\]\.\w+)\./.exec((await notice.textContent()) ?? '')?.[1];
  await notice.getByRole('button', { name: 'Copy details' }).click();
  await expect(notice.getByRole('status')).toHaveText('Copied');
  const details = await page.evaluate(() => navigator.clipboard.readText());
  expect(details).toContain(`first at ${example}`);
  expect(details).toContain('created: ISO 8601 ×');
  expect(details).toContain('created: unreadable ×1, first at data[9].created');
  expect(details).toContain('id: missing ×1, first at data[17].id');
  for (const contact of expected.slice(0, 20)) {
    if (contact.email) expect(details).not.toContain(contact.email);
  }

  // Created, shown: the same instant whatever form it came in; the unreadable one as sent, marked.
  const utc = (seconds: unknown) =>
    `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  for (const row of [5, 6, 8, 9]) {
    await expect(await screen.cellTitle(screen.row(row), 'Created')).toHaveAttribute(
      'title',
      utc(expected[row - 1]?.created),
    );
  }
  const unreadable = await screen.cell(screen.row(10), 'Created');
  await expect(unreadable).toContainText('last spring');
  await expect(unreadable.getByRole('img', { name: 'Unreadable value' })).toBeVisible();

  // The CSV: every row, the drifted instants as ISO 8601 UTC, the unreadable one as sent.
  const csv = await screen.exportCsv(/^Current page/);
  expect(csv.rows).toHaveLength(expected.length);
  const created = csv.header.indexOf('Created');
  expect(csv.rows.map((row) => row[created])).toEqual(
    expected.map((contact, index) =>
      index === 9 ? 'last spring' : `${new Date(Number(contact.created) * 1000).toISOString().slice(0, 19)}Z`,
    ),
  );

  // The detail panel lists the fields the contract does not know, by their code.
  await screen.row(1).click();
  const panel = page.getByRole('dialog');
  const other = panel.getByRole('region', { name: 'Other fields' });
  await expect(other).toContainText('engagement_score');
  await expect(other).toContainText('tags');
  await expect(other).toContainText('["imported","batch-0"]');
  await page.keyboard.press('Escape');

  // A row without an id opens nothing.
  await screen.row(18).click();
  await expect(panel).toHaveCount(0);
});
