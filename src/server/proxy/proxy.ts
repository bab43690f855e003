import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AGE_HEADER, BUDGET_WAIT_HEADER } from '../../shared/contract';
import type { GateEnv } from '../access/access-gate';
import { createKeyBudget, type BudgetConfig } from '../budget/key-budget';
import { WaitTooLong } from '../budget/upstream-scheduler';
import { answerEncoding, compressedCopy } from '../http/content-encoding';
import { errorResponse } from '../http/json-response';
import { routeApiRequest } from './api-route';
import { projectedAnswer } from './projection';
import { errorCode, type Upstream } from './upstream';
import { createAnswerFetcher, RelayFailure } from './whole-answer';

export interface ApiProxyOptions {
  upstream: Upstream;
  timeoutMs: number;
  budget: BudgetConfig;
  log: (line: string) => void;
}

/**
 * `/api/*`: only the allowed calls, asked through the key's budget; the JSON answer is relayed
 * without the key, cookies or any other upstream header.
 */
export function createApiProxy({ upstream, timeoutMs, budget: config, log }: ApiProxyOptions) {
  const budget = createKeyBudget(config, createAnswerFetcher({ upstream, timeoutMs, log }));

  return async (c: Context<GateEnv>): Promise<Response> => {
    const { incoming } = c.env;
    const hasBody =
      incoming.headers['transfer-encoding'] !== undefined || Number(incoming.headers['content-length']) > 0;
    const route = routeApiRequest({ method: c.req.method, rawTarget: incoming.url ?? '', hasBody });
    // Contact data is personal: no browser or shared cache may keep it.
    c.header('Cache-Control', 'no-store');
    if (route.kind === 'reject') {
      return errorResponse(c, route.status, route.error, route.message, {
        ...(route.allow === undefined ? {} : { Allow: route.allow }),
        // An unread body would otherwise be drained to keep the connection alive.
        ...(hasBody ? { Connection: 'close' } : {}),
      });
    }
    const browser = c.req.raw.signal;
    try {
      const answer = await budget.relay({
        path: route.path,
        query: route.query,
        headers: incoming.headers,
        person: c.get('user') ?? getConnInfo(c).remote.address ?? 'unknown',
        signal: browser,
      });
      const headers: Record<string, string> = {
        ...answer.headers,
        Vary: 'Accept-Encoding',
        [BUDGET_WAIT_HEADER]: String(Math.round(answer.waitedMs)),
      };
      if (answer.ageMs !== null) headers[AGE_HEADER] = String(Math.floor(answer.ageMs / 1000));
      const status = answer.status as ContentfulStatusCode;
      const body =
        route.fields === undefined || answer.status !== 200
          ? answer.body
          : projectedAnswer(answer.body, route.fields);
      const compression = answerEncoding(body, incoming.headers['accept-encoding']);
      if (compression === 'identity') return c.body(body, status, headers);
      headers['Content-Encoding'] = compression;
      return c.body(await compressedCopy(body, compression), status, headers);
    } catch (error) {
      // A browser that went away is owed no answer, and the log no line about one.
      if (browser.aborted) return new Response(null, { status: 499 });
      if (error instanceof RelayFailure) return errorResponse(c, error.status, error.error, error.message);
      if (error instanceof WaitTooLong) {
        const seconds = Math.ceil(error.retryAfterMs / 1000);
        return errorResponse(
          c,
          503,
          'Rate Limited',
          `${error.waitingAhead} requests are waiting for Mailstand's rate limit ahead of this one, ` +
            `longer than this server lets a request wait (RATE_LIMIT_MAX_WAIT_MS). Try again in ${seconds} s.`,
          { 'Retry-After': String(seconds) },
        );
      }
      const code = errorCode(error);
      log(`[proxy] GET ${route.path} failed: ${code}`);
      return errorResponse(c, 502, 'Bad Gateway', `The relay failed (${code}). Retry the request.`);
    }
  };
}
