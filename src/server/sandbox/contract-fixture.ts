import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  CAMPAIGN_TIMESTAMP_FIELDS,
  readAnswer,
  ENGAGEMENT_FILTERS,
  STAGE_PROGRESS,
  readErrorAnswer,
  readContactsPageAnswer,
} from '../../shared/contract';
import type { EngagementFilter, Timestamp } from '../../shared/contract';
import { openSandboxDatabase } from './database';
import type { SandboxDatabase } from './database';
import { sandboxClient, temporaryDirectory } from './sandbox-client';
import type { SandboxClient, TestResponse } from './sandbox-client';
import { generateSandboxData } from './seed-data';
import type { EventTimes, SeedContact, SeedMembership } from './seed-data';

/**
 * Test support for the contract tests: the real sandbox on a temporary SQLite file. Expected
 * answers are computed here from the generator's in-memory data with plain TypeScript, never
 * with the sandbox's SQL.
 */

const SEED = 'contract-tests';
const SIZE = 3000;
export const data = generateSandboxData({ seed: SEED, contacts: SIZE });
export const contacts = [...data.contacts()];
/** What the seed must hold for these tests; a seed without it fails them all at once, by name. */
function inSeed<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the seed has ${what}`);
  return value;
}
export const acme = inSeed(data.workspaces[0], 'a first workspace');
export const northwind = inSeed(data.workspaces[1], 'a second workspace');
export const initech = inSeed(data.workspaces[2], 'a third workspace');
export const acmeCampaigns = data.campaigns.filter((campaign) => campaign.workspaceSeq === acme.seq);
const campaignSize = (seq: number) =>
  contacts.filter((contact) => contact.memberships.some((m) => m.campaignSeq === seq)).length;
export const bigCampaign = inSeed(
  [...acmeCampaigns].sort((a, b) => campaignSize(b.seq) - campaignSize(a.seq))[0],
  'a campaign in the first workspace',
);
export const emptyCampaign = inSeed(
  acmeCampaigns.find((campaign) => campaignSize(campaign.seq) === 0),
  'an empty campaign in the first workspace',
);
export const northwindCampaign = inSeed(
  data.campaigns.find((campaign) => campaign.workspaceSeq === northwind.seq),
  'a campaign in the second workspace',
);

export const TIMESTAMPS = CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code);

export type Filters = {
  workspace: string;
  campaign?: string;
  stage?: string;
  search?: string;
} & Partial<Record<EngagementFilter, string>>;
type Expected = { id: string; created: number; stage: string; times: EventTimes | null };

/** The contact's stage without a campaign, worked out here: highest in STAGE_PROGRESS, else Untouched. */
export function ownStage(contact: SeedContact): string {
  return (
    contact.memberships.reduce<string>(
      (best, m) =>
        best === '' || STAGE_PROGRESS.indexOf(m.stage) > STAGE_PROGRESS.indexOf(best as never)
          ? m.stage
          : best,
      '',
    ) || 'Untouched'
  );
}

const EVENT_OF: Record<EngagementFilter, keyof EventTimes> = {
  has_opened: 'last_open',
  has_clicked: 'last_click',
  has_replied: 'last_reply',
  has_bounced: 'last_bounce',
};

export function expected(filters: Filters): Expected[] {
  const workspace = data.workspaces.find((candidate) => candidate.id === filters.workspace);
  const campaign = data.campaigns.find((candidate) => candidate.id === filters.campaign);
  const search = (filters.search ?? '').toLowerCase();
  const rows: Expected[] = [];
  for (const contact of contacts) {
    if (contact.workspaceSeq !== workspace?.seq) continue;
    let membership: SeedMembership | undefined;
    if (campaign) {
      membership = contact.memberships.find((m) => m.campaignSeq === campaign.seq);
      if (!membership) continue;
    }
    const stage = membership ? membership.stage : ownStage(contact);
    if (filters.stage && stage !== filters.stage) continue;
    if (!(contact.fields.email ?? '').toLowerCase().includes(search)) continue;
    const events = membership ? [membership] : contact.memberships;
    const engaged = ENGAGEMENT_FILTERS.every(
      (filter) => filters[filter] !== 'true' || events.some((m) => m[EVENT_OF[filter]] !== null),
    );
    if (!engaged) continue;
    rows.push({ id: contact.id, created: contact.created, stage, times: membership ?? null });
  }
  return rows.sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function contactsPath(filters: Filters, page: number, display: number): string {
  const params = new URLSearchParams({ ...filters, page: String(page), display: String(display) });
  return `/contacts?${params}`;
}

export async function expectError(response: TestResponse, status: number, label: string, message: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const [body] = readAnswer(readErrorAnswer, response.json);
  expect(body).toEqual({ statusCode: status, error: label, message: expect.stringMatching(message) });
}

/** Opens the seeded sandbox around the calling test file's tests. */
export function useSandboxUnderTest() {
  let directory: ReturnType<typeof temporaryDirectory> | undefined;
  let db: SandboxDatabase | undefined;
  let client: SandboxClient | undefined;

  beforeAll(() => {
    directory = temporaryDirectory();
    db = openSandboxDatabase({ path: join(directory.path, 'sandbox.db'), contacts: SIZE, seed: SEED });
    client = sandboxClient(db);
  });

  afterAll(() => {
    db?.close();
    directory?.remove();
  });

  const server = {
    get: (...args: Parameters<SandboxClient['get']>) => {
      if (client === undefined) throw new Error('The sandbox under test runs only inside a test.');
      return client.get(...args);
    },
    get db(): SandboxDatabase {
      if (db === undefined) throw new Error('The sandbox under test runs only inside a test.');
      return db;
    },
  };

  async function getPage(filters: Filters, page: number, display: number) {
    const response = await server.get(contactsPath(filters, page, display));
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = readAnswer(readContactsPageAnswer, response.json);
    // The sandbox answers in the documented forms: the app shows no drift notice on it.
    expect(body.drift).toEqual([]);
    return body;
  }

  /** Reads every page and checks it against the independent computation: ids, order, stage, times, totals. */
  async function expectListing(filters: Filters, display = 2000): Promise<Expected[]> {
    const want = expected(filters);
    const pages = Math.ceil(want.length / display);
    const got: { id: string; stage: string | null; times: Timestamp[] }[] = [];
    for (let page = 1; page <= Math.max(1, pages); page++) {
      const body = await getPage(filters, page, display);
      expect(body.total_found).toBe(want.length);
      expect(body.total_pages).toBe(pages);
      expect(body.current_page).toBe(page);
      for (const row of body.data)
        got.push({ id: row.id, stage: row.stage, times: TIMESTAMPS.map((t) => row[t]) });
    }
    expect(got.map((row) => row.id)).toEqual(want.map((row) => row.id));
    expect(got.map((row) => row.stage)).toEqual(want.map((row) => row.stage));
    expect(got.map((row) => row.times)).toEqual(
      want.map((row) => TIMESTAMPS.map((t) => row.times?.[t] ?? null)),
    );
    return want;
  }

  return { server, getPage, expectListing };
}
