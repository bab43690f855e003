import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { AGE_HEADER, BUDGET_WAIT_HEADER } from '../../shared/contract';
import { createKeyBudget, type BudgetConfig, type KeyBudget } from '../budget/key-budget';
import { WaitTooLong } from '../budget/upstream-scheduler';
import { createFastEncoder, negotiateEncoding, worthCompressing } from '../http/content-encoding';
import { sendError } from '../http/json-response';
import { routeApiRequest } from './api-route';
import { createUpstreamClient, errorCode, RelayFailure, type Upstream } from './upstream-client';

export type { Upstream } from './upstream-client';

export interface ApiProxyOptions {
  upstream: Upstream;
  timeoutMs: number;
  budget: BudgetConfig;
  log: (line: string) => void;
}

export interface ApiProxy {
  /** `person` names whom the request is for (the signed-in user), for turns in the key's budget. */
  handle(req: IncomingMessage, res: ServerResponse, person?: string): void;
  close(): void;
}

/** Below this size compression costs more than it saves. */
const MIN_COMPRESSED_SIZE = 1024;

export function createApiProxy({ upstream, timeoutMs, budget: config, log }: ApiProxyOptions): ApiProxy {
  const client = createUpstreamClient({ upstream, timeoutMs, log });
  const budget: KeyBudget = createKeyBudget(config, client.fetch);

  function handle(req: IncomingMessage, res: ServerResponse, person?: string): void {
    // Contact data is personal: no browser or shared cache may keep it.
    res.setHeader('Cache-Control', 'no-store');
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
    const route = routeApiRequest({ method: req.method ?? '', rawTarget: req.url ?? '', hasBody });
    if (route.kind === 'reject') {
      sendError(res, route.status, route.error, route.message, {
        ...(route.allow === undefined ? {} : { Allow: route.allow }),
        // An unread body would otherwise be drained to keep the connection alive.
        ...(hasBody ? { Connection: 'close' } : {}),
      });
      return;
    }

    // The browser went away (or we are done): stop the upstream work it asked for.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort(new Error('The browser went away.'));
    });
    budget
      .relay({
        path: route.path,
        query: route.query,
        headers: req.headers,
        person: person ?? req.socket.remoteAddress ?? 'unknown',
        signal: gone.signal,
      })
      .then(async (answer) => {
        if (res.destroyed) return;
        const encoding =
          answer.body.length < MIN_COMPRESSED_SIZE || !worthCompressing(req.socket.remoteAddress, req.headers)
            ? 'identity'
            : negotiateEncoding(req.headers['accept-encoding']);
        res.writeHead(answer.status, {
          ...answer.headers,
          Vary: 'Accept-Encoding',
          [BUDGET_WAIT_HEADER]: Math.round(answer.waitedMs),
          ...(answer.ageMs === null ? {} : { [AGE_HEADER]: Math.floor(answer.ageMs / 1000) }),
          ...(encoding === 'identity'
            ? { 'Content-Length': answer.body.length }
            : { 'Content-Encoding': encoding }),
        });
        if (encoding === 'identity') {
          res.end(answer.body);
          return;
        }
        const encoder = createFastEncoder(encoding);
        encoder.end(answer.body);
        await pipeline(encoder, res);
      })
      .catch((error: unknown) => {
        if (res.writableEnded || res.destroyed) return;
        if (res.headersSent) {
          res.destroy();
        } else if (error instanceof RelayFailure) {
          sendError(res, error.status, error.error, error.message);
        } else if (error instanceof WaitTooLong) {
          const seconds = Math.ceil(error.retryAfterMs / 1000);
          sendError(
            res,
            503,
            'Rate Limited',
            `${error.waitingAhead} requests are waiting for Mailstand's rate limit ahead of this one, ` +
              `longer than this server lets a request wait (RATE_LIMIT_MAX_WAIT_MS). Try again in ${seconds} s.`,
            { 'Retry-After': seconds },
          );
        } else {
          log(`[proxy] GET ${route.path} failed: ${errorCode(error)}`);
          sendError(res, 502, 'Bad Gateway', `The relay failed (${errorCode(error)}). Retry the request.`);
        }
      });
  }

  return { handle, close: () => client.close() };
}
