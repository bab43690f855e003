import { STAGES } from '../src/shared/contract';
import { formatCount } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

/** A stage's accessible description begins with its count. */
const describesCount = (count: number) => new RegExp(`^${formatCount(count)} contacts\\.`);

test.describe('stage counts', () => {
  test('each stage shows how many contacts it holds under the other filters, as the API reports', async ({
    app,
    api,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    await app.openView({ workspace, has_opened: true, stage: 'Replied' });

    for (const stage of STAGES) {
      const count = await api.totalFound({ workspace, has_opened: true, stage });
      await expect(app.stage(stage)).toHaveAccessibleDescription(describesCount(count));
    }

    await app.engagement('Opened').uncheck();
    const replied = await api.totalFound({ workspace, stage: 'Replied' });
    await expect(app.stage('Replied')).toHaveAccessibleDescription(describesCount(replied));
  });
});
