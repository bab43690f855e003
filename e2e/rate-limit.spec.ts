import { parseRateLimit } from '../src/server/sandbox';
import { pageRange } from './support/contacts-screen';
import { expect, test } from './support/fixtures';
import { RATE_LIMITED_URL, TEAM_MEMBER_BASIC, TIGHT_RATE_LIMIT } from './support/servers';

// This journey runs against the second server, whose sandbox allows only TIGHT_RATE_LIMIT; it
// signs in with HTTP Basic, as scripts do.
test.use({ baseURL: RATE_LIMITED_URL, extraHTTPHeaders: { Authorization: TEAM_MEMBER_BASIC } });

const budget = parseRateLimit(TIGHT_RATE_LIMIT);
if (budget === null) throw new Error(`TIGHT_RATE_LIMIT (${TIGHT_RATE_LIMIT}) sets no limit.`);
// More than a whole window, so that some of the colleague's pages wait on the server.
const exportPages = budget.requests + 10;

test(`when a colleague on the same server uses up the key's budget (${TIGHT_RATE_LIMIT}), the app's page waits its turn on the server and says how long`, async ({
  page,
  request,
  app,
  api,
  workspaces,
}) => {
  // Two windows of the tight limit are waited out, besides opening the app.
  test.slow();
  let apiAnswers = 0;
  const refusals: string[] = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    apiAnswers += 1;
    if (response.status() === 429 || response.status() === 503) refusals.push(response.url());
  });
  await app.open();
  // Same seed as the main server, so the same workspace names, in a smaller database.
  await app.workspace.selectOption({ label: workspaces.large.name });
  await expect(app.row(1)).toBeVisible();
  const workspace = new URL(page.url()).searchParams.get('workspace') ?? '';
  // Opening a workspace also prefetches and counts per stage: let the app go quiet first.
  await expect
    .poll(async () => {
      const before = apiAnswers;
      await page.waitForTimeout(1_000);
      return apiAnswers - before;
    })
    .toBe(0);
  // The app's own calls leave the window, so that the colleague's alone fill it: the person's
  // page then waits for the first of those to leave, however slowly the machine opened the app.
  await page.waitForTimeout(budget.windowMs);

  // A colleague's export through the same server asks for more than a window holds...
  let exportPagesAnswered = 0;
  const colleague = Promise.all(
    Array.from({ length: exportPages }, (_, index) =>
      request
        .get(`/api/contacts?workspace=${workspace}&page=${index + 1}&display=1`, {
          headers: { 'X-Request-Purpose': 'export' },
        })
        .then((response) => {
          exportPagesAnswered += 1;
          return response;
        }),
    ),
  );
  // ...and has spent the window before the person's next page is asked for (its pages are
  // answered until the rest wait): otherwise that page may slip in ahead of the export.
  await expect
    .poll(async () => {
      const before = exportPagesAnswered;
      await page.waitForTimeout(500);
      return before > 0 && exportPagesAnswered === before;
    })
    .toBe(true);

  // ...so the page asked for next waits on the server, ahead of the export, and the app says so.
  await app.stage('Replied').check();
  await expect(page.getByText(/^Waited \d+ s for Mailstand's rate limit$/)).toBeVisible({ timeout: 30_000 });
  const replied = await api.contacts({ workspace, stage: 'Replied' });
  await app.expectRange(pageRange(1, 100, replied.total_found));
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The colleague's export got every page too, and nobody was refused.
  expect((await colleague).map((response) => response.status())).toEqual(Array(exportPages).fill(200));
  expect(refusals).toEqual([]);
});
