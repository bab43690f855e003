/**
 * Decides, from the raw request line alone, whether a browser request under /api may reach the
 * upstream. Matching happens on the raw target before any URL normalisation, because a normaliser
 * is exactly what path tricks (`/api/../`, `%2e%2e`, `%2f`) aim at: anything unusual is refused
 * here, so no request that was not one of the five allowed calls ever leaves the server.
 */
import { MAILSTAND_ENDPOINTS, idPatternSource, type IdKind } from '../../shared/contract';
import { takeFieldsParam } from './projection';

export const API_PREFIX = '/api';

/** Real filter queries stay far below this; a longer one is a mistake or an attack. */
export const MAX_QUERY_LENGTH = 4096;

const ALLOWED_CALLS = Object.values(MAILSTAND_ENDPOINTS).map(
  (pattern) => `GET ${API_PREFIX}${pattern.replace(/:([a-z_]+)/g, '{$1}')}`,
);
const UNKNOWN_PATH = `Unknown API path. The proxy forwards only ${ALLOWED_CALLS.join(', ')}.`;

// Ids as the contract writes them (`:workspace_id` is a workspace id): never a dot, slash or `%`.
const ALLOWED_PATHS = Object.values(MAILSTAND_ENDPOINTS).map(
  (pattern) =>
    new RegExp(`^${pattern.replace(/:([a-z]+)_id/g, (_match, kind: IdKind) => idPatternSource(kind))}$`),
);

// Dot segments, empty segments, percent-encoding of any kind (so double encoding too), backslashes,
// userinfo markers, fragments and control or non-ASCII characters.
const SUSPICIOUS_PATH = /(^|\/)\.\.?(\/|$)|\/\/|%|\\|@|#|[^\x21-\x7e]/;
// Control characters are refused even when percent-encoded, so CR/LF never reach a header or a log.
const CONTROL_CHARACTER = /\p{Cc}/u;

export interface ApiRequestLine {
  method: string;
  /** The request target exactly as it arrived (Node's `req.url`), e.g. `/api/contacts?page=1`. */
  rawTarget: string;
  hasBody: boolean;
}

interface Rejection {
  kind: 'reject';
  status: 400 | 404 | 405 | 414;
  error: string;
  message: string;
  allow?: string;
}

export type ApiRoute =
  | {
      kind: 'forward';
      path: string;
      /** What goes upstream: the app's own `fields` is taken out. */
      query: string;
      /** The fields the app asked the answer to be cut down to (absent: the whole answer). */
      fields?: string[];
    }
  | Rejection;

export function routeApiRequest({ method, rawTarget, hasBody }: ApiRequestLine): ApiRoute {
  const queryStart = rawTarget.indexOf('?');
  const rawPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rawTarget.slice(queryStart + 1);

  if (rawQuery.length > MAX_QUERY_LENGTH) {
    return reject(
      414,
      'URI Too Long',
      `The query string is ${rawQuery.length} characters long; the proxy accepts at most ${MAX_QUERY_LENGTH}.`,
    );
  }
  if (!rawPath.startsWith(API_PREFIX)) return reject(404, 'Not Found', UNKNOWN_PATH);
  const path = rawPath.slice(API_PREFIX.length);
  if (SUSPICIOUS_PATH.test(path)) {
    return reject(
      400,
      'Invalid Request',
      'The path contains a dot segment, an empty segment, percent-encoding, a backslash, "@", "#" or a ' +
        'character outside printable ASCII; the proxy refuses such paths.',
    );
  }
  if (!ALLOWED_PATHS.some((pattern) => pattern.test(path))) return reject(404, 'Not Found', UNKNOWN_PATH);
  if (method !== 'GET') {
    return {
      ...reject(405, 'Method Not Allowed', `The API is read-only: use GET, not ${method}.`),
      allow: 'GET',
    };
  }
  if (hasBody) return reject(400, 'Invalid Request', 'A GET request to the API must not carry a body.');
  const query = reencodeQuery(rawQuery);
  if (query === null) {
    return reject(
      400,
      'Invalid Request',
      'The query string holds malformed percent-encoding or a control character (such as CR or LF).',
    );
  }
  const projection = takeFieldsParam(path, query);
  if (!projection.ok) return reject(400, 'Invalid Request', projection.message);
  return projection.fields === null
    ? { kind: 'forward', path, query }
    : { kind: 'forward', path, query: projection.query, fields: projection.fields };
}

/**
 * Decodes the query the way a form decoder does (`+` is a space) and encodes it again with
 * encodeURIComponent, so the upstream receives exactly the parameters the browser sent, in the
 * same order, written in the one unambiguous spelling. Returns null for anything undecodable.
 */
export function reencodeQuery(rawQuery: string): string | null {
  if (rawQuery === '') return '';
  const pairs: string[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = decodeComponent(equals === -1 ? part : part.slice(0, equals));
    const value = equals === -1 ? '' : decodeComponent(part.slice(equals + 1));
    if (name === null || value === null || name === '') return null;
    if (CONTROL_CHARACTER.test(name) || CONTROL_CHARACTER.test(value)) return null;
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return pairs.join('&');
}

function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

function reject(status: Rejection['status'], error: string, message: string): Rejection {
  return { kind: 'reject', status, error, message };
}
