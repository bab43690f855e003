import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS_PATH, type ViewDraft } from '../../shared/views/saved-view';
import { parseEnv } from '../env';
import { startServer, type RunningServer } from '../server';

const DRAFT: ViewDraft = {
  workspace: 'space_restart',
  name: 'Survives restarts',
  filters: {
    campaign: null,
    stage: 'Interested',
    search: '',
    display: 500,
    has_opened: true,
    has_clicked: false,
    has_replied: false,
    has_bounced: false,
  },
  columns: { order: ['full_name', 'stage'], visible: ['full_name'], widths: { full_name: 300 } },
};
const PASSWORD = 'a-long-team-password';
const basic = (user: string) => `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}`;

let dir: string;

/** The whole server on a stand-in build; live mode against an address nothing answers (views never ask it). */
function start(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer({
    config: parseEnv({
      PORT: '0',
      MAILSTAND_API_KEY: 'key_views_test',
      MAILSTAND_API_URL: 'http://127.0.0.1:9',
      APP_DB_PATH: path.join(dir, 'data', 'app.db'),
      ...env,
    }),
    app: { kind: 'dist', dir: path.join(dir, 'dist') },
    log: () => undefined,
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'views-server-'));
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>Mailstand Contacts</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saved views on the running server', () => {
  it('keeps views in APP_DB_PATH across a restart', async () => {
    let server = await start();
    const made = await fetch(`${server.url}${VIEWS_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(DRAFT),
    });
    expect(made.status).toBe(201);
    const view: unknown = await made.json();
    expect(view).toMatchObject({ ...DRAFT, createdBy: 'local' });
    await server.close();

    server = await start();
    const list = await fetch(`${server.url}${VIEWS_PATH}?workspace=${DRAFT.workspace}`);
    expect(await list.json()).toEqual({ data: [view] });
    await server.close();
  });

  it('sits behind the access gate and names the signed-in person', async () => {
    const server = await start({ ACCESS_USERS: `ana:${PASSWORD},bob:${PASSWORD}` });
    const anonymous = await fetch(`${server.url}${VIEWS_PATH}?workspace=${DRAFT.workspace}`);
    expect(anonymous.status).toBe(401);
    const made = await fetch(`${server.url}${VIEWS_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic('ana') },
      body: JSON.stringify({ ...DRAFT, name: 'Ana’s view' }),
    });
    expect(await made.json()).toMatchObject({ createdBy: 'ana', updatedBy: 'ana', version: 1 });
    const list = await fetch(`${server.url}${VIEWS_PATH}?workspace=${DRAFT.workspace}`, {
      headers: { Authorization: basic('bob') },
    });
    expect(await list.json()).toMatchObject({
      data: [{ name: 'Ana’s view' }, { name: 'Survives restarts' }],
    });
    await server.close();
  });

  it('answers an unknown views path in the error shape, not with the app page', async () => {
    const server = await start();
    const response = await fetch(`${server.url}${VIEWS_PATH}/view_x/rename`, { method: 'GET' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await server.close();
  });
});
