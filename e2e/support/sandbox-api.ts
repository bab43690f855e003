import { expect, type APIRequestContext } from '@playwright/test';
import {
  readAnswer,
  type AnswerReader,
  readCampaignsAnswer,
  readContactsPageAnswer,
  readWorkspacesAnswer,
  type Campaign,
  type ContactsPage,
  type Stage,
  type Workspace,
} from '../../src/shared/contract';
import { DEFAULT_DISPLAY } from '../../src/features/contacts/params/filter-params';

const MAX_RATE_LIMITED_RETRIES = 5;

/** GET /contacts parameters as the tests use them; unset filters are left out of the request. */
export type ContactsQuery = {
  workspace: string;
  campaign?: string;
  stage?: Stage;
  search?: string;
  has_opened?: boolean;
  has_clicked?: boolean;
  has_replied?: boolean;
  has_bounced?: boolean;
  page?: number;
  display?: number;
};

type QueryValue = string | number | boolean | undefined;

/**
 * A query string as the app's URL and the API both spell the filters: unset and unticked
 * (false) ones are left out, `true` reads "true".
 */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== false) search.set(key, String(value));
  }
  return search.toString();
}

/**
 * The sandbox API as the browser reaches it (through the server's /api proxy), for the figures a
 * test compares the screen with: the app must show what the API says for the same filters.
 */
export class SandboxApi {
  constructor(private readonly request: APIRequestContext) {}

  async workspaces(): Promise<Workspace[]> {
    return (await this.get('/api/workspaces', {}, readWorkspacesAnswer)).data;
  }

  /** Every campaign of a workspace, paged through like the app's picker does. */
  async campaigns(workspace: string): Promise<Campaign[]> {
    const display = 100;
    const all: Campaign[] = [];
    for (let page = 1; ; page += 1) {
      const { data } = await this.get('/api/campaigns', { workspace, page, display }, readCampaignsAnswer);
      all.push(...data);
      if (data.length < display) return all;
    }
  }

  async contacts({ page = 1, display = DEFAULT_DISPLAY, ...filters }: ContactsQuery): Promise<ContactsPage> {
    return this.get('/api/contacts', { ...filters, page, display }, readContactsPageAnswer);
  }

  /** A realistic email search: the part before the @ of the first contact on page `page`. */
  async emailSearch(workspace: string, page: number): Promise<string> {
    const email = (await this.contacts({ workspace, display: 1, page })).data[0]?.email;
    if (!email) throw new Error(`workspace ${workspace} should have a contact with an email on page ${page}`);
    return email.slice(0, Math.max(3, email.indexOf('@')));
  }

  async totalFound(query: ContactsQuery): Promise<number> {
    return (await this.contacts({ ...query, display: 1 })).total_found;
  }

  private async get<T>(path: string, params: Record<string, QueryValue>, read: AnswerReader<T>): Promise<T> {
    const search = queryString(params);
    let response = await this.request.get(`${path}?${search}`);
    // Only the rate-limited server answers 429, and the app shares its key: wait as asked, like the app.
    for (let attempt = 1; response.status() === 429 && attempt <= MAX_RATE_LIMITED_RETRIES; attempt += 1) {
      const waitMs = Number(response.headers()['retry-after'] ?? 15) * 1000;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      response = await this.request.get(`${path}?${search}`);
    }
    expect(response.status(), `GET ${path}?${search}: ${await response.text()}`).toBe(200);
    return readAnswer(read, await response.json());
  }
}

/** The seeded workspaces by role: the sandbox promises a large, a small and an empty one. */
export type SandboxWorkspaces = { large: Workspace; small: Workspace; empty: Workspace; all: Workspace[] };

export async function sandboxWorkspaces(api: SandboxApi): Promise<SandboxWorkspaces> {
  const all = await api.workspaces();
  const sized = await Promise.all(
    all.map(async (workspace) => ({ workspace, total: await api.totalFound({ workspace: workspace.id }) })),
  );
  sized.sort((a, b) => b.total - a.total);
  const large = sized[0];
  const small = sized[1];
  const empty = sized.find((entry) => entry.total === 0);
  if (!large || !small || !empty || small.total === 0) {
    throw new Error(
      `The sandbox should hold a large, a small and an empty workspace; found ${JSON.stringify(sized)}`,
    );
  }
  return { large: large.workspace, small: small.workspace, empty: empty.workspace, all };
}
