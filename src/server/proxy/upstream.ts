import type { Hono } from 'hono';

/**
 * Where the proxy's calls go: Mailstand, or the sandbox inside this process. Every call goes through
 * `get`, so whatever must see them all (pacing, caching) wraps it.
 */
export interface Upstream {
  /** How the proxy's own error messages name the upstream, e.g. "Mailstand (https://api.mailstand.com)". */
  name: string;
  /** The sentence that tells a person what to check when the upstream cannot be reached. */
  whatToCheck: string;
  /** What must never reach a browser or a log line: the key, alone and as sent. */
  secrets: string[];
  /** GETs an allowed path (with its query) from the upstream; the answer's body is already decoded. */
  get(pathAndQuery: string, signal: AbortSignal): Promise<Response>;
}

/** Resets that mean the request never reached the upstream, so sending it again is safe for a GET. */
const CONNECTION_RESET = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/** The key as HTTP Basic user name, and the secrets that come with it: the key alone and as sent. */
function credentials(apiKey: string): { authorization: string; secrets: string[] } {
  const encoded = Buffer.from(`${apiKey}:`).toString('base64');
  return { authorization: `Basic ${encoded}`, secrets: [apiKey, encoded] };
}

/** Mailstand's API over the network. */
export function mailstandUpstream(baseUrl: URL, apiKey: string): Upstream {
  const { authorization, secrets } = credentials(apiKey);
  const base = baseUrl.origin + baseUrl.pathname.replace(/\/$/, '');
  const send = (pathAndQuery: string, signal: AbortSignal) =>
    // Built from scratch: the browser's Authorization, Cookie and every other header stay behind.
    fetch(base + pathAndQuery, {
      signal,
      redirect: 'manual',
      headers: {
        Accept: 'application/json',
        'Accept-Encoding': 'br, gzip, deflate',
        Authorization: authorization,
        'User-Agent': 'mailstand-contacts-proxy',
      },
    });
  return {
    name: `Mailstand (${baseUrl.origin})`,
    whatToCheck: "Check MAILSTAND_API_URL and this machine's network connection, then retry.",
    secrets,
    async get(pathAndQuery, signal) {
      try {
        return await send(pathAndQuery, signal);
      } catch (error) {
        // A kept-alive connection the upstream closed just as the request went out on it: the
        // upstream never saw the request, so it goes once more on a fresh connection.
        if (signal.aborted || !CONNECTION_RESET.has(errorCode(error))) throw error;
        return send(pathAndQuery, signal);
      }
    },
  };
}

/** The sandbox application, called in-process: no socket, no port, the same HTTP semantics. */
export function sandboxUpstream(sandbox: Hono, apiKey: string): Upstream {
  const { authorization, secrets } = credentials(apiKey);
  return {
    name: 'The sandbox API',
    whatToCheck: 'The sandbox runs inside this server: look at its log, then restart it with `npm start`.',
    secrets,
    get: async (pathAndQuery, signal) =>
      sandbox.request(pathAndQuery, { headers: { Authorization: authorization }, signal }),
  };
}

/** The most specific code of a failed call: fetch wraps the network's own error as its cause. */
export function errorCode(error: unknown): string {
  const cause: unknown = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error)
    return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return String(cause);
}
