import http from 'node:http';
import { ERROR_LABELS, errorBody } from '../../shared/contract';
import { listen } from './listen';
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
    const authorization = req.headers.authorization ?? '';
    const waitSeconds = limiter.take(authorization);
    if (waitSeconds !== null) {
      refused += 1;
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(waitSeconds) });
      res.end(JSON.stringify(errorBody(429, ERROR_LABELS.rateLimited, 'Too many requests.')));
      return;
    }
    setTimeout(() => {
      void Promise.resolve(api.request(target, { headers: { authorization } })).then(async (answer) => {
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
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
