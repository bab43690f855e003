// Test support, run by Vitest in Node only: the browser bundle never imports it.
// eslint-disable-next-line no-restricted-imports
import { createServer } from 'node:http';
// eslint-disable-next-line no-restricted-imports
import type { IncomingMessage, ServerResponse } from 'node:http';
import { configureApiClient } from './api-client';

export type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

/**
 * A real HTTP server on 127.0.0.1 standing in for the app's /api, answering what each test
 * tells it to, and recording every request it received.
 */
export async function startLocalUpstream() {
  let handler: Handler = (_request, response) => sendJson(response, 500, { error: 'No handler set' });
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    handler(request, response, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  const base = `http://127.0.0.1:${address.port}`;
  configureApiClient({ base });

  return {
    base,
    requests,
    /** Sets how the next requests are answered; forgets the requests seen so far. */
    handle(next: Handler) {
      handler = next;
      requests.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
