import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VIEWS_PATH, type SavedView, type ViewDraft } from '../../shared/views/saved-view';
import { viewRoutes } from './view-routes';
import { openViewStore, type ViewStore } from './view-store';

const ORIGIN = 'http://127.0.0.1:4173';
const DRAFT: ViewDraft = {
  workspace: 'space_a',
  name: 'Bounced',
  filters: {
    campaign: null,
    stage: null,
    search: '',
    display: 100,
    has_opened: false,
    has_clicked: false,
    has_replied: false,
    has_bounced: true,
  },
  columns: { order: ['stage'], visible: ['stage'], widths: {} },
};

let dir: string;
let store: ViewStore;
let app: Hono<{ Variables: { user?: string } }>;
let signedIn: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'view-routes-'));
  store = openViewStore({ path: path.join(dir, 'app.db') });
  signedIn = undefined;
  app = new Hono<{ Variables: { user?: string } }>();
  // Stands in for the access gate, which names the signed-in person.
  app.use(async (c, next) => {
    if (signedIn !== undefined) c.set('user', signedIn);
    await next();
  });
  app.route(VIEWS_PATH, viewRoutes(store));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function send(method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(`${ORIGIN}${url}`, {
    method,
    body: JSON.stringify(body),
    headers: {
      'Content-Type': 'application/json',
      Origin: ORIGIN,
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
  });
}

async function create(draft: ViewDraft = DRAFT): Promise<SavedView> {
  const response = await send('POST', VIEWS_PATH, draft);
  expect(response.status).toBe(201);
  return (await response.json()) as SavedView;
}

describe('views endpoints', () => {
  it('makes and lists views, naming who made them', async () => {
    const local = await create();
    expect(local.createdBy).toBe('local');
    signedIn = 'ana';
    const ana = await create({ ...DRAFT, name: 'Bounced, Ana' });
    expect(ana.createdBy).toBe('ana');
    const list = await app.request(`${ORIGIN}${VIEWS_PATH}?workspace=space_a`);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(await list.json()).toEqual({ data: [local, ana] });
  });

  it('answers a stale change with 409 and who changed the view', async () => {
    const view = await create();
    signedIn = 'bob';
    expect(
      (await send('PATCH', `${VIEWS_PATH}/${view.id}`, { version: 1, name: 'Bounced (bob)' })).status,
    ).toBe(200);
    signedIn = 'ana';
    const stale = await send('PATCH', `${VIEWS_PATH}/${view.id}`, { version: 1, name: 'Bounced (ana)' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message:
        '"Bounced (bob)" was changed by bob just now: reload it to see their change, then make yours again.',
    });
  });

  it('refuses invalid views and duplicate names in words', async () => {
    const invalid = await send('POST', VIEWS_PATH, { ...DRAFT, name: ' ' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: 'Invalid Request',
      message: 'The view needs a name.',
    });
    await create();
    const duplicate = await send('POST', VIEWS_PATH, { ...DRAFT, name: 'BOUNCED' });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({
      message: expect.stringContaining('already has a view named "Bounced"'),
    });
    const list = await app.request(`${ORIGIN}${VIEWS_PATH}`);
    expect(list.status).toBe(400);
  });

  it('deletes with the version, and restores', async () => {
    const view = await create();
    expect((await send('DELETE', `${VIEWS_PATH}/${view.id}`, {})).status).toBe(400);
    expect((await send('DELETE', `${VIEWS_PATH}/${view.id}`, { version: 1 })).status).toBe(200);
    expect((await app.request(`${ORIGIN}${VIEWS_PATH}/${view.id}`)).status).toBe(404);
    const restored = await send('POST', `${VIEWS_PATH}/${view.id}/restore`, {});
    expect(await restored.json()).toMatchObject({ id: view.id, name: 'Bounced' });
  });

  it.each([
    ['another site', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['a sibling site', { Origin: 'http://127.0.0.1:9999', 'Sec-Fetch-Site': 'same-site' }, 403],
    ['a form post', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['text/plain', { 'Content-Type': 'text/plain' }, 415],
  ])('refuses changes from %s', async (_what, headers, status) => {
    const response = await send('POST', VIEWS_PATH, DRAFT, headers);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ statusCode: status, message: expect.any(String) });
    expect(store.list('space_a')).toEqual([]);
  });

  it('takes JSON from scripts, which send no Origin', async () => {
    const response = await app.request(`${ORIGIN}${VIEWS_PATH}`, {
      method: 'POST',
      body: JSON.stringify(DRAFT),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(201);
  });
});
