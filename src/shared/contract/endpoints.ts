/**
 * The five read-only Mailstand endpoints the app uses, as route patterns relative to the API's
 * base. The proxy's allowlist, the sandbox's routes and the app's client all read this one list.
 */
export const MAILSTAND_ENDPOINTS = {
  workspaces: '/workspaces',
  workspaceFields: '/workspaces/:workspace_id/all-fields',
  campaigns: '/campaigns',
  contacts: '/contacts',
  contact: '/contacts/:contact_id',
} as const;

export type MailstandEndpoint = keyof typeof MAILSTAND_ENDPOINTS;

/** An endpoint's path with its `:name` parameters filled in, each percent-encoded. */
export function endpointPath(endpoint: MailstandEndpoint, params: Record<string, string> = {}): string {
  return MAILSTAND_ENDPOINTS[endpoint].replace(/:([a-z_]+)/g, (_pattern, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The ${endpoint} endpoint needs a ${name}.`);
    return encodeURIComponent(value);
  });
}
