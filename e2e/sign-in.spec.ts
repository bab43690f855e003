import { expect, expectConsoleErrors, test } from './support/fixtures';
import { RATE_LIMITED_URL, TEAM_MEMBER } from './support/servers';

// The second server asks for ACCESS_USERS; the wrong password's page is answered 401.
test.use({
  baseURL: RATE_LIMITED_URL,
  ...expectConsoleErrors(/Failed to load resource: the server responded with a status of 401/),
});

test('a team member signs in on the sign-in page, sees their name in the header, and signs out', async ({
  page,
  app,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Mailstand Contacts' })).toBeVisible();

  await page.getByLabel('User name').fill(TEAM_MEMBER.user);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Wrong user name or password/);

  await page.getByLabel('User name').fill(TEAM_MEMBER.user);
  await page.getByLabel('Password').fill(TEAM_MEMBER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${RATE_LIMITED_URL}/`);
  await expect(page.getByRole('banner').getByText('Signed in as')).toHaveText(
    `Signed in as ${TEAM_MEMBER.user}`,
  );
  await expect(app.workspace).toBeVisible();
  const [session] = (await page.context().cookies()).filter((cookie) => cookie.name === 'mailstand_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false });
  expect(session?.expires).toBeGreaterThan(Date.now() / 1000);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.context().cookies()).filter((cookie) => cookie.name === 'mailstand_session')).toEqual(
    [],
  );
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});
