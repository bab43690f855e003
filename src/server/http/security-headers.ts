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

/** Set on every response, errors included. */
export function securityHeaders({ dev }: { dev: boolean }): Record<string, string> {
  return {
    // The dev server gets no CSP: Vite's hot reload injects an inline script a strict policy would block.
    ...(dev ? {} : { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
