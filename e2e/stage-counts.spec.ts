import { STAGES } from '../src/shared/contract';
import { ContactsScreen, formatCount } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

test.describe('stage counts', () => {
  test('each stage shows how many contacts it holds under the other filters, as the API reports', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace, has_opened: 'true', stage: 'Replied' });
    await screen.expectSettled();

    for (const stage of STAGES) {
      const count = await api.totalFound({ workspace, has_opened: true, stage });
      await expect(screen.stage(stage)).toHaveAccessibleDescription(
        new RegExp(`^${formatCount(count)} contacts\\.`),
      );
    }

    await screen.engagement('Opened').uncheck();
    const replied = await api.totalFound({ workspace, stage: 'Replied' });
    await expect(screen.stage('Replied')).toHaveAccessibleDescription(
      new RegExp(`^${formatCount(replied)} contacts\\.`),
    );
  });
});
