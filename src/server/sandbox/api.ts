import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  CONTACT_FIELDS,
  ERROR_LABELS,
  MAILSTAND_ENDPOINTS,
  type MailstandEndpoint,
} from '../../shared/contract';
import { errorResponse } from '../http/json-response';
import { parseContactsQuery, parsePageQuery } from './contacts-query';
import type { QueryProblem } from './contacts-query';
import type { SandboxDatabase } from './database';
import { createSandboxQueries, type Clock } from './queries';
import { createRateLimiter } from './rate-limit';
import type { RateLimit } from './rate-limit';
import { fieldSearchTerms } from './workspace-fields';

export type SandboxApiOptions = {
  db: SandboxDatabase;
  apiKey: string;
  rateLimit: RateLimit | null;
  /** The moment answers are given at, in Unix seconds ("47 minutes ago"); the system clock by default. */
  now?: Clock;
};

/** The columns GET /contacts names in `headers`, as in Mailstand's example: the record's own fields. */
const CONTACT_HEADERS = CONTACT_FIELDS.map((field) => field.code).slice(
  0,
  CONTACT_FIELDS.findIndex((field) => field.code === 'locked_mailbox'),
);
const HEADERS_JSON = JSON.stringify(CONTACT_HEADERS);
const CAMPAIGN_HEADERS = [
  'status',
  'name',
  'steps',
  'contacts',
  'opens',
  'initials',
  'interested',
  'replies',
  'bounces',
  'last_activity',
];

/**
 * Mailstand's API over the sandbox database, as an application of its own: HTTP Basic with the key
 * as username, the documented rate limit per key, the five GET endpoints, and errors in
 * Mailstand's shape and labels.
 */
export function createSandboxApi(options: SandboxApiOptions): Hono {
  const queries = createSandboxQueries(options.db.connection, options.now);
  const limiter = options.rateLimit === null ? null : createRateLimiter(options.rateLimit);
  const expectedKey = Buffer.from(options.apiKey);
  const missingRecord = (c: Context, message: string) =>
    errorResponse(c, 400, ERROR_LABELS.missingRecord, message);
  const problem = (c: Context, found: QueryProblem) => errorResponse(c, 400, found.error, found.message);

  const guard = createMiddleware(async (c, next) => {
    if (c.req.method !== 'GET') {
      return errorResponse(c, 405, 'Method Not Allowed', `Only GET is allowed here, not ${c.req.method}.`, {
        Allow: 'GET',
      });
    }
    const key = basicUsername(c.req.header('authorization'));
    if (key === null || !sameKey(Buffer.from(key), expectedKey)) {
      return errorResponse(
        c,
        401,
        ERROR_LABELS.unauthorized,
        key === null
          ? 'Send your API key as the username of HTTP Basic authentication, with an empty password.'
          : 'This API key is not valid.',
      );
    }
    const waitSeconds = limiter?.take(key) ?? null;
    if (waitSeconds !== null && options.rateLimit !== null) {
      const { requests, windowMs } = options.rateLimit;
      const window = windowMs === 1000 ? 'second' : `${windowMs / 1000} seconds`;
      const message = `Too many requests: the limit is ${requests} requests per ${window}. Retry in ${waitSeconds} s.`;
      return errorResponse(c, 429, ERROR_LABELS.rateLimited, message, { 'Retry-After': String(waitSeconds) });
    }
    await next();
  });
  const app = new Hono();
  const endpoint = (name: MailstandEndpoint, answer: (c: Context) => Response) =>
    app.all(MAILSTAND_ENDPOINTS[name], guard, answer);

  endpoint('workspaces', (c) =>
    c.json({ status: 'ok', data: queries.workspaces(c.req.query('search') ?? '') }),
  );
  endpoint('workspaceFields', (c) => {
    const id = c.req.param('workspace_id') ?? '';
    const workspace = queries.workspace(id);
    if (!workspace) return missingRecord(c, `No workspace with the id ${JSON.stringify(id)} exists.`);
    const fields = [...CONTACT_FIELDS, ...workspace.customFields].map((field) => ({
      label: field.label,
      code: field.code,
      searchable: fieldSearchTerms(field),
    }));
    return c.json({ status: 'ok', data: fields });
  });
  endpoint('campaigns', (c) => {
    const parsed = parsePageQuery(searchParams(c));
    if (!parsed.ok) return problem(c, parsed.problem);
    const { workspace: id, page, display } = parsed.value;
    const workspace = queries.workspace(id);
    if (!workspace) return missingRecord(c, `No workspace with the id ${JSON.stringify(id)} exists.`);
    const data = queries.campaignsPage(workspace, page, display);
    return c.json({ status: 'ok', headers: CAMPAIGN_HEADERS, data });
  });
  endpoint('contacts', (c) => {
    const parsed = parseContactsQuery(searchParams(c));
    if (!parsed.ok) return problem(c, parsed.problem);
    const query = parsed.value;
    const workspace = queries.workspace(query.workspace);
    if (!workspace)
      return missingRecord(c, `No workspace with the id ${JSON.stringify(query.workspace)} exists.`);
    const campaign = query.campaign === null ? null : queries.campaign(query.campaign);
    if (query.campaign !== null && (campaign === null || campaign.workspace !== workspace.seq)) {
      return missingRecord(
        c,
        `No campaign with the id ${JSON.stringify(query.campaign)} exists in this workspace.`,
      );
    }
    const page = queries.contactsPage(query, workspace, campaign);
    // The rows arrive as JSON from SQLite; only the envelope is written around them, as a stream
    // of the three pieces: a body of bytes is copied whole on its way through a Response.
    const head = Buffer.from(`{"status":"ok","headers":${HEADERS_JSON},"data":[`);
    const tail = Buffer.from(
      `],"total_found":${page.total},"current_page":${query.page},` +
        `"total_pages":${Math.ceil(page.total / query.display)}}`,
    );
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of [head, page.rows, tail]) controller.enqueue(piece);
        controller.close();
      },
    });
    return c.body(body, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(head.length + page.rows.length + tail.length),
    });
  });
  endpoint('contact', (c) => {
    const id = c.req.param('contact_id') ?? '';
    const contact = queries.contact(id);
    if (!contact) return missingRecord(c, `No contact with the id ${JSON.stringify(id)} exists.`);
    return c.json(contact);
  });
  app.notFound((c) =>
    errorResponse(c, 404, 'Not Found', `The Mailstand API has no endpoint at ${c.req.path}.`),
  );
  app.onError((error, c) =>
    errorResponse(c, 500, ERROR_LABELS.badRequest, `The sandbox failed to answer: ${error.message}`),
  );
  return app;
}

/** The query as the browser wrote it, repeated names included. */
function searchParams(c: Context): URLSearchParams {
  const url = c.req.url;
  const queryStart = url.indexOf('?');
  return new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
}

/** The username of an HTTP Basic Authorization header, or null when there is none. */
function basicUsername(header: string | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  return username === '' ? null : username;
}

function sameKey(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}
