import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTACT_FIELDS, ERROR_LABELS } from '../../shared/contract';
import { sendError, sendJson } from '../http/json-response';
import { parseContactsQuery, parsePageQuery } from './contacts-query';
import type { QueryProblem } from './contacts-query';
import type { SandboxDatabase } from './database';
import { createSandboxQueries } from './queries';
import type { SandboxQueries } from './queries';
import { createRateLimiter } from './rate-limit';
import type { RateLimit } from './rate-limit';
import { fieldSearchTerms } from './workspace-fields';

export type SandboxApiOptions = { db: SandboxDatabase; apiKey: string; rateLimit: RateLimit | null };
export type SandboxApi = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  searchParams: URLSearchParams,
) => void;

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

type Route =
  | { kind: 'workspaces' }
  | { kind: 'all-fields'; workspace: string }
  | { kind: 'campaigns' }
  | { kind: 'contacts' }
  | { kind: 'contact'; id: string };

function route(pathname: string): Route | null {
  const segments = pathname.split('/').map(decodeSegment);
  if (segments[0] !== '' || segments.some((segment) => segment === null)) return null;
  const [, first, second, third, ...rest] = segments;
  if (rest.length > 0) return null;
  if (first === 'workspaces' && second === undefined) return { kind: 'workspaces' };
  if (first === 'workspaces' && second && third === 'all-fields')
    return { kind: 'all-fields', workspace: second };
  if (first === 'campaigns' && second === undefined) return { kind: 'campaigns' };
  if (first === 'contacts' && second === undefined) return { kind: 'contacts' };
  if (first === 'contacts' && second && third === undefined) return { kind: 'contact', id: second };
  return null;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Mailstand's API over the sandbox database: HTTP Basic with the key as username, the documented
 * rate limit per key, the five GET endpoints, and errors in Mailstand's shape and labels.
 */
export function createSandboxApi(options: SandboxApiOptions): SandboxApi {
  const queries = createSandboxQueries(options.db.connection);
  const limiter = options.rateLimit === null ? null : createRateLimiter(options.rateLimit);
  const expectedKey = Buffer.from(options.apiKey);

  return (req, res, pathname, searchParams) => {
    try {
      const target = route(pathname);
      if (target === null) {
        sendError(res, 404, 'Not Found', `The Mailstand API has no endpoint at ${pathname}.`);
        return;
      }
      if (req.method !== 'GET') {
        sendError(
          res,
          405,
          'Method Not Allowed',
          `Only GET is allowed here, not ${req.method ?? 'this method'}.`,
          {
            Allow: 'GET',
          },
        );
        return;
      }
      const key = basicUsername(req.headers.authorization);
      if (key === null || !sameKey(Buffer.from(key), expectedKey)) {
        sendError(
          res,
          401,
          ERROR_LABELS.unauthorized,
          key === null
            ? 'Send your API key as the username of HTTP Basic authentication, with an empty password.'
            : 'This API key is not valid.',
        );
        return;
      }
      const waitSeconds = limiter?.take(key) ?? null;
      if (waitSeconds !== null && options.rateLimit !== null) {
        const { requests, windowMs } = options.rateLimit;
        const window = windowMs === 1000 ? 'second' : `${windowMs / 1000} seconds`;
        const message = `Too many requests: the limit is ${requests} requests per ${window}. Retry in ${waitSeconds} s.`;
        sendError(res, 429, ERROR_LABELS.rateLimited, message, { 'Retry-After': String(waitSeconds) });
        return;
      }
      answer(queries, target, searchParams, res);
    } catch (error) {
      sendError(
        res,
        500,
        ERROR_LABELS.badRequest,
        `The sandbox failed to answer: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
}

function answer(queries: SandboxQueries, target: Route, params: URLSearchParams, res: ServerResponse): void {
  const problem = (found: QueryProblem) => sendError(res, 400, found.error, found.message);
  const missingRecord = (message: string) => sendError(res, 400, ERROR_LABELS.missingRecord, message);

  switch (target.kind) {
    case 'workspaces': {
      sendJson(res, 200, { status: 'ok', data: queries.workspaces(params.get('search') ?? '') });
      return;
    }
    case 'all-fields': {
      const workspace = queries.workspace(target.workspace);
      if (!workspace)
        return missingRecord(`No workspace with the id ${JSON.stringify(target.workspace)} exists.`);
      const fields = [...CONTACT_FIELDS, ...workspace.customFields].map((field) => ({
        label: field.label,
        code: field.code,
        searchable: fieldSearchTerms(field),
      }));
      sendJson(res, 200, { status: 'ok', data: fields });
      return;
    }
    case 'campaigns': {
      const parsed = parsePageQuery(params);
      if (!parsed.ok) return problem(parsed.problem);
      const { workspace: id, page, display } = parsed.value;
      const workspace = queries.workspace(id);
      if (!workspace) return missingRecord(`No workspace with the id ${JSON.stringify(id)} exists.`);
      const data = queries.campaignsPage(workspace, page, display);
      sendJson(res, 200, { status: 'ok', headers: CAMPAIGN_HEADERS, data });
      return;
    }
    case 'contacts': {
      const parsed = parseContactsQuery(params);
      if (!parsed.ok) return problem(parsed.problem);
      const query = parsed.value;
      const workspace = queries.workspace(query.workspace);
      if (!workspace)
        return missingRecord(`No workspace with the id ${JSON.stringify(query.workspace)} exists.`);
      const campaign = query.campaign === null ? null : queries.campaign(query.campaign);
      if (query.campaign !== null && (campaign === null || campaign.workspace !== workspace.seq)) {
        return missingRecord(
          `No campaign with the id ${JSON.stringify(query.campaign)} exists in this workspace.`,
        );
      }
      const page = queries.contactsPage(query, workspace, campaign);
      // The rows arrive as JSON from SQLite; only the envelope is written here, in the same writev
      // (Node corks a response's writes until the next tick). Copying the three into one buffer
      // made a 3 MB allocation more per page, and through the proxy more major GCs.
      const head = Buffer.from(`{"status":"ok","headers":${HEADERS_JSON},"data":[`);
      const tail = Buffer.from(
        `],"total_found":${page.total},"current_page":${query.page},` +
          `"total_pages":${Math.ceil(page.total / query.display)}}`,
      );
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': head.length + page.rows.length + tail.length,
      });
      res.write(head);
      res.write(page.rows);
      res.end(tail);
      return;
    }
    case 'contact': {
      const contact = queries.contact(target.id);
      if (!contact) return missingRecord(`No contact with the id ${JSON.stringify(target.id)} exists.`);
      sendJson(res, 200, contact);
      return;
    }
  }
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
