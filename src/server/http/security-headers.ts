import type { ServerResponse } from 'node:http';

/**
 * Only same-origin scripts and connections. Styles allow 'unsafe-inline' because React renders
 * style attributes (the virtualized grid positions rows with them); scripts never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Set on every response, errors included. The dev server gets no CSP: Vite's hot reload injects
 * an inline script that a strict policy would block.
 */
export function setSecurityHeaders(res: ServerResponse, { dev }: { dev: boolean }): void {
  if (!dev) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}
