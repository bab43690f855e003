import type { ServerResponse } from 'node:http';
import { errorBody } from '../../shared/contract';

type Headers = Record<string, string | number>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The server's own errors use Mailstand's documented shape, so the app reads one format. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Headers = {},
): void {
  sendJson(res, status, errorBody(status, error, message), headers);
}
