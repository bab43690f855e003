import { describe, expect, it } from 'vitest';
import { sandboxClient } from './sandbox-client';
import { acme, expectError, northwindCampaign, useSandboxUnderTest } from './contract-fixture';

const { server } = useSandboxUnderTest();

describe('errors', () => {
  const ws = `workspace=${acme.id}`;
  it.each([
    ['/contacts?display=10&page=1', 'Missing Fields', /missing the following keys: workspace$/],
    ['/contacts', 'Missing Fields', /workspace, display, page/],
    [`/contacts?${ws}&display=10`, 'Missing Fields', /keys: page$/],
    [
      `/contacts?${ws}&display=0&page=1`,
      'Failed Validation',
      /"display" must be a whole number from 1 to 2000/,
    ],
    [`/contacts?${ws}&display=2001&page=1`, 'Failed Validation', /"display".*got "2001"/],
    [`/contacts?${ws}&display=ten&page=1`, 'Failed Validation', /"display"/],
    [`/contacts?${ws}&display=1.5&page=1`, 'Failed Validation', /"display"/],
    [`/contacts?${ws}&display=10&page=0`, 'Failed Validation', /"page" must be a whole number from 1 to/],
    [`/contacts?${ws}&display=10&page=1000000000000`, 'Failed Validation', /"page".*got "1000000000000"/],
    [`/contacts?${ws}&display=10&page=-1`, 'Failed Validation', /"page"/],
    [
      `/contacts?${ws}&display=10&page=1&stage=Bogus`,
      'Failed Validation',
      /"stage" must be one of Reviewing, /,
    ],
    [`/contacts?${ws}&display=10&page=1&stage=replied`, 'Failed Validation', /"stage"/],
    [
      `/contacts?${ws}&display=10&page=1&has_opened=maybe`,
      'Failed Validation',
      /"has_opened" must be a boolean/,
    ],
    [`/contacts?${ws}&display=10&page=1&has_bounced=1`, 'Failed Validation', /"has_bounced"/],
    [`/contacts?${ws}&display=10&page=1&page=2`, 'Failed Validation', /"page" must be given once/],
    [
      `/contacts?${ws}&display=10&page=1&stage=Replied&stage=Nurture`,
      'Failed Validation',
      /"stage" must be given once/,
    ],
    ['/contacts?workspace=space_nope&display=10&page=1', 'Missing Record', /workspace.*space_nope/],
    [`/contacts?${ws}&display=10&page=1&campaign=camp_nope`, 'Missing Record', /campaign.*camp_nope/],
    [`/contacts?${ws}&display=10&page=1&campaign=${northwindCampaign.id}`, 'Missing Record', /campaign/],
    ['/contacts/contact_nope', 'Missing Record', /contact.*contact_nope/],
    ['/workspaces/space_nope/all-fields', 'Missing Record', /workspace/],
    ['/campaigns?workspace=space_nope&page=1&display=10', 'Missing Record', /workspace/],
    [`/campaigns?${ws}`, 'Missing Fields', /display, page/],
  ])('GET %s: 400 %s', async (path, label, message) => {
    await expectError(await server.get(path), 400, label, message);
  });

  it('refuses a missing or wrong key with 401 Unauthorized Permission', async () => {
    await expectError(
      await server.get('/workspaces', { key: null }),
      401,
      'Unauthorized Permission',
      /API key/,
    );
    await expectError(
      await server.get('/workspaces', { key: 'key_wrong' }),
      401,
      'Unauthorized Permission',
      /not valid/,
    );
  });

  it('answers unknown paths with 404 and other methods with 405, in the same shape', async () => {
    await expectError(await server.get('/nope'), 404, 'Not Found', /\/nope/);
    await expectError(await server.get('/contacts/a/b'), 404, 'Not Found', /endpoint/);
    const post = await server.get('/contacts', { method: 'POST' });
    await expectError(post, 405, 'Method Not Allowed', /Only GET/);
    expect(post.headers.get('allow')).toBe('GET');
    await expectError(
      await server.get('/workspaces', { method: 'DELETE' }),
      405,
      'Method Not Allowed',
      /GET/,
    );
  });
});

describe('rate limit', () => {
  it('answers 429 Rate Limited with Retry-After past the limit, and lets requests in again after it', async () => {
    const limited = sandboxClient(server.db, { requests: 3, windowMs: 1_000 });
    // Sent together, so that even a slow machine cannot spread them over the window.
    const answers = await Promise.all([1, 2, 3, 4].map(() => limited.get('/workspaces')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429]);
    const refused = answers.find((answer) => answer.status === 429);
    if (!refused) throw new Error('no request was refused');
    await expectError(refused, 429, 'Rate Limited', /limit is 3 requests per second\. Retry in 1 s/);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    expect((await limited.get('/workspaces')).status).toBe(200);
  });
});
