import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorBody } from '../../shared/contract';

/** For answers about this person or this moment: no browser or shared cache may keep them. */
export const NO_STORE = { 'Cache-Control': 'no-store' };

/** The server's own errors use Mailstand's documented shape, so the app reads one format. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return c.json(errorBody(status, error, message), status, headers);
}
