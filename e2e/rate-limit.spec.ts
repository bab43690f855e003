import { columnLabel, pageRange } from './support/contacts-screen';
import { expect, expectConsoleErrors, test } from './support/fixtures';
import { RATE_LIMITED_URL, TIGHT_RATE_LIMIT } from './support/servers';

// This journey runs against the second server, whose sandbox allows only TIGHT_RATE_LIMIT.
test.use({
  baseURL: RATE_LIMITED_URL,
  ...expectConsoleErrors(/Failed to load resource: the server responded with a status of 429/),
});

test(`when the key's rate limit (${TIGHT_RATE_LIMIT}) is used up, the app waits, says so, and shows the view asked for`, async ({
  page,
  request,
  app,
  api,
  workspaces,
}) => {
  let apiAnswers = 0;
  let rateLimitedAnswers = 0;
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) apiAnswers += 1;
    if (response.status() === 429) rateLimitedAnswers += 1;
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
  expect(rateLimitedAnswers, 'opening the app stays within the limit').toBe(0);

  // Someone else using the same key (the limit is per key) takes what is left of the window...
  let burnt = 0;
  while (burnt < 40 && (await request.get('/api/workspaces')).status() !== 429) burnt += 1;
  expect(burnt, 'the sandbox refuses requests beyond its limit').toBeLessThan(40);

  // ...so the app's next request is answered 429 Rate Limited, and it says that it waits.
  const notice = app.status(/slow down; retrying in \d+ s/);
  const noticeShown = notice.waitFor();
  await app.stage('Replied').check();
  await noticeShown;
  expect(rateLimitedAnswers).toBeGreaterThan(0);

  // The person keeps going meanwhile; the app ends on the view they asked for, without an error.
  await app.button('Next page').click();
  await expect(page).toHaveURL(/page=2/);
  const replied = await api.contacts({ workspace, stage: 'Replied', page: 2 });
  await app.expectRange(pageRange(2, 100, replied.total_found));
  await expect(await app.cell(app.row(1), columnLabel('email'))).toHaveText(replied.data[0]?.email ?? '');
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
