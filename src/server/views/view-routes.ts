import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { checkViewChange, checkViewDraft, checkWorkspace } from '../../shared/views/saved-view';
import type { GateEnv } from '../access/access-gate';
import { errorResponse, NO_STORE } from '../http/json-response';
import { ViewStoreError, type ViewStore, type ViewStoreErrorKind } from './view-store';

/** Without an access gate nobody is signed in: the views say they were made locally. */
export const LOCAL_USER = 'local';

/** The largest body a view can need, with room to spare. */
const MAX_BODY_BYTES = 64 * 1024;

const STATUS_OF: Record<ViewStoreErrorKind, { status: ContentfulStatusCode; label: string }> = {
  'not-found': { status: 404, label: 'Missing Record' },
  duplicate: { status: 409, label: 'Conflict' },
  conflict: { status: 409, label: 'Conflict' },
  full: { status: 409, label: 'Conflict' },
  corrupt: { status: 500, label: 'Internal Server Error' },
};

/**
 * `/app-api/views`: the server's own endpoints for saved views (Mailstand knows nothing of them).
 * Changes come only as JSON from the app's own pages: a form on another site can send neither
 * the content type nor the origin, so no other site can change a view on a signed-in person's behalf.
 */
export function viewRoutes(store: ViewStore): Hono<GateEnv> {
  const app = new Hono<GateEnv>();
  const user = (c: Context<GateEnv>) => c.get('user') ?? LOCAL_USER;

  app.onError((error, c) => {
    if (error instanceof ViewStoreError) {
      const { status, label } = STATUS_OF[error.kind];
      return errorResponse(c, status, label, error.message, NO_STORE);
    }
    throw error;
  });

  app.use(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const refusal = crossSiteRefusal(c);
    if (refusal !== null) return errorResponse(c, 403, 'Forbidden', refusal, NO_STORE);
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? ''))
      return errorResponse(
        c,
        415,
        'Unsupported Media Type',
        'Send views as JSON (Content-Type: application/json).',
        NO_STORE,
      );
    return next();
  });

  app.get('/', (c) => {
    const workspace = checkWorkspace(c.req.query('workspace'));
    if (!workspace.ok) return invalid(c, `Name the workspace: ${workspace.message}`);
    return c.json({ data: store.list(workspace.value) }, 200, NO_STORE);
  });

  app.get('/:id', (c) => c.json(store.get(c.req.param('id')), 200, NO_STORE));

  app.post('/', async (c) => {
    const draft = checkViewDraft(await readJson(c));
    if (!draft.ok) return invalid(c, draft.message);
    return c.json(store.create(draft.value, user(c)), 201, NO_STORE);
  });

  app.patch('/:id', async (c) => {
    const change = checkViewChange(await readJson(c));
    if (!change.ok) return invalid(c, change.message);
    return c.json(store.update(c.req.param('id'), change.value, user(c)), 200, NO_STORE);
  });

  app.delete('/:id', async (c) => {
    const body = await readJson(c);
    const version = typeof body === 'object' && body !== null && 'version' in body ? body.version : null;
    if (typeof version !== 'number' || !Number.isInteger(version))
      return invalid(c, 'Name the version of the view to delete (reload the view to get it).');
    return c.json(store.remove(c.req.param('id'), version, user(c)), 200, NO_STORE);
  });

  app.post('/:id/restore', (c) => c.json(store.restore(c.req.param('id'), user(c)), 200, NO_STORE));

  // Mounted under the app's routes: without this, an unknown views path would get the app's page.
  app.all('*', (c) =>
    errorResponse(c, 404, 'Not Found', `No such views endpoint: ${c.req.method} ${c.req.path}.`, NO_STORE),
  );

  return app;
}

function invalid(c: Context, message: string): Response {
  return errorResponse(c, 400, 'Invalid Request', message, NO_STORE);
}

/** Why a change must be refused as coming from another site, or null when it is the app's own. */
function crossSiteRefusal(c: Context): string | null {
  const refusal = 'Views can be changed only from this app’s own pages.';
  // Browsers say where a request comes from; behind a reverse proxy this still holds.
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite !== undefined) return fetchSite === 'same-origin' ? null : refusal;
  const origin = c.req.header('origin');
  // Scripts (curl) send neither header and cannot act on a person's behalf.
  if (origin === undefined) return null;
  return URL.canParse(origin) && new URL(origin).host === c.req.header('host') ? null : refusal;
}

/** The body as JSON, or undefined when it is none (too large, empty or not JSON): the checks then say what is missing. */
async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
