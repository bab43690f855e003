import http from 'node:http';
import { ERROR_LABELS } from '../../shared/contract';
import { listen } from '../http/listen';
import { sendError } from '../http/json-response';
import { createSandboxApi, SANDBOX_API_KEY, type RateLimit, type SandboxDatabase } from '../sandbox';
import { createRateLimiter } from '../sandbox/rate-limit';

export interface RateLimitedUpstream {
  url: string;
  /** Calls that reached the upstream, by path and query as received. */
  calls: string[];
  /** How many of them it refused with 429 Rate Limited. */
  refused(): number;
  close(): Promise<void>;
}

/**
 * Mailstand as a team meets it: the sandbox's data behind a limit per key that counts each call
 * when it arrives (refusing the excess with 429 and Retry-After), answering each after `delayMs`.
 */
export async function startRateLimitedUpstream({
  db,
  limit,
  delayMs,
}: {
  db: SandboxDatabase;
  limit: RateLimit;
  delayMs: number;
}): Promise<RateLimitedUpstream> {
  const api = createSandboxApi({ db, apiKey: SANDBOX_API_KEY, rateLimit: null });
  const limiter = createRateLimiter(limit);
  const calls: string[] = [];
  let refused = 0;
  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    calls.push(target);
    const waitSeconds = limiter.take(req.headers.authorization ?? '');
    if (waitSeconds !== null) {
      refused += 1;
      sendError(res, 429, ERROR_LABELS.rateLimited, 'Too many requests.', {
        'Retry-After': String(waitSeconds),
      });
      return;
    }
    setTimeout(() => {
      const [path = '', query = ''] = target.split('?');
      api(req, res, path, new URLSearchParams(query));
    }, delayMs);
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    refused: () => refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
