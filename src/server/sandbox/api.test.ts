import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  readAnswer,
  CONTACT_FIELDS,
  ENGAGEMENT_FILTERS,
  STAGES,
  STAGE_PROGRESS,
  readFieldsAnswer,
  readErrorAnswer,
  readCampaignsAnswer,
  readContactDetailAnswer,
  readContactsPageAnswer,
  readWorkspacesAnswer,
} from '../../shared/contract';
import type { EngagementFilter, Timestamp } from '../../shared/contract';
import { openSandboxDatabase } from './database';
import type { SandboxDatabase } from './database';
import { createSandboxQueries } from './queries';
import { parseContactsQuery } from './contacts-query';
import { sandboxClient, temporaryDirectory } from './sandbox-client';
import type { SandboxClient } from './sandbox-client';
import { generateSandboxData } from './seed-data';
import type { EventTimes, SeedContact, SeedMembership } from './seed-data';

/**
 * Contract tests: the real sandbox on a temporary SQLite file, over HTTP on 127.0.0.1. Expected
 * answers are computed here from the generator's in-memory data with plain TypeScript, never
 * with the sandbox's SQL.
 */

const SEED = 'contract-tests';
const SIZE = 3000;
const data = generateSandboxData({ seed: SEED, contacts: SIZE });
const contacts = [...data.contacts()];
const [acme, northwind, initech] = data.workspaces;
if (!acme || !northwind || !initech) throw new Error('the seed has three workspaces');
const acmeCampaigns = data.campaigns.filter((campaign) => campaign.workspaceSeq === acme.seq);
const campaignSize = (seq: number) =>
  contacts.filter((contact) => contact.memberships.some((m) => m.campaignSeq === seq)).length;
const bigCampaign = [...acmeCampaigns].sort((a, b) => campaignSize(b.seq) - campaignSize(a.seq))[0];
const emptyCampaign = acmeCampaigns.find((campaign) => campaignSize(campaign.seq) === 0);
const northwindCampaign = data.campaigns.find((campaign) => campaign.workspaceSeq === northwind.seq);
if (!bigCampaign || !emptyCampaign || !northwindCampaign) throw new Error('the seed has these campaigns');

const TIMESTAMPS = [
  'last_sent',
  'last_open',
  'last_click',
  'last_reply',
  'last_unsubscribe',
  'last_bounce',
] as const;

type Filters = {
  workspace: string;
  campaign?: string;
  stage?: string;
  search?: string;
} & Partial<Record<EngagementFilter, string>>;
type Expected = { id: string; created: number; stage: string; times: EventTimes | null };

/** The contact's stage without a campaign, worked out here: highest in STAGE_PROGRESS, else Untouched. */
function ownStage(contact: SeedContact): string {
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

function expected(filters: Filters): Expected[] {
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

let directory: ReturnType<typeof temporaryDirectory>;
let db: SandboxDatabase;
let server: SandboxClient;

beforeAll(async () => {
  directory = temporaryDirectory();
  db = openSandboxDatabase({ path: join(directory.path, 'sandbox.db'), contacts: SIZE, seed: SEED });
  server = sandboxClient(db);
});

afterAll(async () => {
  db?.close();
  directory?.remove();
});

function contactsPath(filters: Filters, page: number, display: number): string {
  const params = new URLSearchParams({ ...filters, page: String(page), display: String(display) });
  return `/contacts?${params}`;
}

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

describe('GET /workspaces', () => {
  it('lists the three workspaces with their campaign counts', async () => {
    const body = readAnswer(readWorkspacesAnswer, (await server.get('/workspaces')).json);
    expect(body.status).toBe('ok');
    expect(body.data).toEqual(
      data.workspaces.map((workspace) => ({
        id: workspace.id,
        name: workspace.name,
        color: workspace.color,
        campaign_count: data.campaigns.filter((campaign) => campaign.workspaceSeq === workspace.seq).length,
      })),
    );
  });

  it('filters by a case-insensitive part of the name', async () => {
    const names = async (search: string) =>
      readAnswer(
        readWorkspacesAnswer,
        (await server.get(`/workspaces?search=${encodeURIComponent(search)}`)).json,
      ).data.map((workspace) => workspace.name);
    expect(await names('ACME')).toEqual(['Acme Outbound']);
    expect(await names('nd P')).toEqual(['Northwind Partners']);
    expect(await names('no such workspace')).toEqual([]);
  });
});

describe('GET /workspaces/{id}/all-fields', () => {
  it('labels every contact field and the custom fields of the workspace', async () => {
    const body = readAnswer(readFieldsAnswer, (await server.get(`/workspaces/${acme.id}/all-fields`)).json);
    expect(body.data.map((field) => field.code)).toEqual([
      ...CONTACT_FIELDS.map((field) => field.code),
      'custom_1',
      'custom_2',
    ]);
    expect(body.data.find((field) => field.code === 'custom_1')).toEqual({
      label: 'Imgur URL',
      code: 'custom_1',
      searchable: ['imgururl'],
    });
    expect(body.data.find((field) => field.code === 'custom_2')?.label).toBe('Lead Source');
    expect(body.data.find((field) => field.code === 'first_name')?.searchable).toEqual([
      'firstname',
      'first',
    ]);
  });

  it('has no custom fields in the empty workspace', async () => {
    const body = readAnswer(
      readFieldsAnswer,
      (await server.get(`/workspaces/${initech.id}/all-fields`)).json,
    );
    expect(body.data.map((field) => field.code)).toEqual(CONTACT_FIELDS.map((field) => field.code));
  });
});

describe('GET /campaigns', () => {
  it('pages through every campaign of the workspace, newest first, with the documented fields', async () => {
    const ids: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const response = await server.get(`/campaigns?workspace=${acme.id}&page=${page}&display=10`);
      const body = readAnswer(readCampaignsAnswer, response.json);
      expect(body.data).toHaveLength([10, 10, 5, 0][page - 1] ?? -1);
      ids.push(...body.data.map((campaign) => campaign.id));
    }
    const newestFirst = [...acmeCampaigns].sort((a, b) => b.created - a.created);
    expect(ids).toEqual(newestFirst.map((campaign) => campaign.id));
  });

  it('counts contacts, sends, opens, replies and bounces from the memberships', async () => {
    const body = readAnswer(
      readCampaignsAnswer,
      (await server.get(`/campaigns?workspace=${acme.id}&page=1&display=100`)).json,
    );
    for (const campaign of acmeCampaigns) {
      const members = contacts.flatMap((contact) =>
        contact.memberships.filter((m) => m.campaignSeq === campaign.seq),
      );
      const initials = members.filter((m) => m.last_sent !== null).length;
      const opens = members.filter((m) => m.last_open !== null).length;
      const row = body.data.find((candidate) => candidate.id === campaign.id);
      expect(row).toMatchObject({
        status: campaign.status,
        name: campaign.name,
        steps: campaign.steps,
        contacts: members.length,
        initials,
        opens_num: opens,
        opens: initials === 0 ? 0 : Math.round((opens / initials) * 1000) / 10,
        replies_num: members.filter((m) => m.last_reply !== null).length,
        bounces_num: members.filter((m) => m.last_bounce !== null).length,
        interested_num: members.filter((m) => m.stage === 'Interested').length,
        created: campaign.created,
      });
      for (const key of [
        'days_left',
        'days_left_date',
        'days_left_display',
        'last_activity',
        'replies',
        'bounces',
      ]) {
        expect(row).toHaveProperty(key);
      }
    }
  });

  it('answers the empty workspace with no campaigns', async () => {
    const body = readAnswer(
      readCampaignsAnswer,
      (await server.get(`/campaigns?workspace=${initech.id}&page=1&display=10`)).json,
    );
    expect(body.data).toEqual([]);
  });
});

describe('GET /contacts', () => {
  it('lists the whole workspace, newest first then by id, every documented field on every row', async () => {
    await expectListing({ workspace: acme.id });
    const body = await getPage({ workspace: acme.id }, 1, 50);
    const raw = (await server.get(contactsPath({ workspace: acme.id }, 1, 50))).json;
    const keys = Object.keys(((raw as { data: object[] }).data[0] ?? {}) as object);
    expect(keys).toEqual([
      'id',
      ...CONTACT_FIELDS.map((field) => field.code),
      'custom_1',
      'custom_2',
      'created',
      ...TIMESTAMPS,
    ]);
    expect(body.headers).toEqual(CONTACT_FIELDS.map((field) => field.code).slice(0, 41));
    for (const row of body.data) {
      const source = contacts.find((contact) => contact.id === row.id);
      expect(row.email).toBe(source?.fields.email);
      expect(row.full_name).toBe(source?.fields.full_name);
      expect(row.lead_score).toBe(source?.fields.lead_score);
      expect(row.custom_1).toBe(source?.custom[0]);
      expect(row.created).toBe(source?.created);
      expect(TIMESTAMPS.map((t) => row[t])).toEqual(TIMESTAMPS.map(() => null));
    }
  });

  it('lists the smaller workspace, and nothing for the empty one', async () => {
    expect((await expectListing({ workspace: northwind.id })).length).toBe(450);
    const empty = await getPage({ workspace: initech.id }, 1, 100);
    expect(empty).toMatchObject({ data: [], total_found: 0, total_pages: 0, current_page: 1 });
  });

  it.each(STAGES)('filters by stage %s, on its own and within a campaign', async (stage) => {
    await expectListing({ workspace: acme.id, stage });
    await expectListing({ workspace: acme.id, stage, campaign: bigCampaign.id });
  });

  it('filters by each campaign, rows carrying that campaign stage and timestamps', async () => {
    for (const campaign of acmeCampaigns) {
      await expectListing({ workspace: acme.id, campaign: campaign.id });
    }
    await expectListing({ workspace: northwind.id, campaign: northwindCampaign.id });
    expect(expected({ workspace: acme.id, campaign: emptyCampaign.id })).toEqual([]);
  });

  it.each(ENGAGEMENT_FILTERS)(
    'filters by %s=true in any campaign or in the chosen one; false filters nothing',
    async (filter) => {
      expect((await expectListing({ workspace: acme.id, [filter]: 'true' })).length).toBeGreaterThan(0);
      await expectListing({ workspace: acme.id, [filter]: 'true', campaign: bigCampaign.id });
      const capitals = await getPage({ workspace: acme.id, [filter]: 'TRUE' }, 1, 10);
      expect(capitals.total_found).toBe(expected({ workspace: acme.id, [filter]: 'true' }).length);
      const all = await getPage({ workspace: acme.id }, 1, 10);
      const unfiltered = await getPage({ workspace: acme.id, [filter]: 'false' }, 1, 10);
      expect(unfiltered.total_found).toBe(all.total_found);
    },
  );

  it.each([
    ['a three-letter part', 'son'],
    ['a longer part', 'smith'],
    ['capitals', 'GMAIL.COM'],
    ['the domain of the hostile records', 'hostile.example'],
    ['one character', 'q'],
    ['two characters', 'gm'],
    ['LIKE wildcards, taken literally', '%'],
    ['an underscore, taken literally', '_'],
    ['a quote', '"'],
    ['the dot before a domain', '.com'],
    ['nothing that exists', 'zzqxj'],
    ['letters beyond ASCII', 'sÖn'],
  ])('searches email for %s, case-insensitively', async (_, search) => {
    await expectListing({ workspace: acme.id, search });
  });

  const pairValues: Record<string, string[]> = {
    stage: ['Prospecting', 'Replied'],
    campaign: [bigCampaign.id],
    search: ['son', 'gm', '.COM'],
    has_opened: ['true'],
    has_clicked: ['true'],
    has_replied: ['true'],
    has_bounced: ['true'],
  };
  const keys = Object.keys(pairValues);
  const pairs = keys.flatMap((first, index) =>
    keys.slice(index + 1).map((second) => [first, second] as const),
  );

  it.each(pairs)('combines %s with %s', async (first, second) => {
    for (const a of pairValues[first] ?? []) {
      for (const b of pairValues[second] ?? []) {
        await expectListing({ workspace: acme.id, [first]: a, [second]: b });
      }
    }
  });

  it('uses both ways of running a search, and both give the same answers', async () => {
    const queries = createSandboxQueries(db.connection);
    const workspace = queries.workspace(acme.id);
    if (!workspace) throw new Error('no workspace');
    const plan = (params: string, campaign: string | null) => {
      const parsed = parseContactsQuery(
        new URLSearchParams(`workspace=${acme.id}&page=1&display=10&${params}`),
      );
      if (!parsed.ok) throw new Error(parsed.problem.message);
      return queries
        .explain(parsed.value, workspace, campaign === null ? null : queries.campaign(campaign))
        .join('\n');
    };
    // A rare search walks the trigram index; a narrow filter checks its few contacts with LIKE.
    expect(plan('search=smith', null)).toMatch(/contact_emails/);
    expect(plan(`search=smith&stage=Nurture&campaign=${bigCampaign.id}`, bigCampaign.id)).not.toMatch(
      /contact_emails/,
    );
    expect(plan('search=sm', null)).not.toMatch(/contact_emails/);
    await expectListing({ workspace: acme.id, search: 'smith', stage: 'Nurture', campaign: bigCampaign.id });
  });

  it.each<[string, Omit<Filters, 'workspace'>]>([
    ['no filter', {}],
    ['a stage', { stage: 'Unresponsive' }],
    ['a campaign', { campaign: bigCampaign.id }],
    ['a search', { search: 'son' }],
    ['a short search', { search: 'a' }],
    ['an event', { has_opened: 'true' }],
  ])('pages with %s: every page in order, no duplicates, an empty page past the end', async (_, extra) => {
    const filters: Filters = { workspace: acme.id, ...extra };
    const want = await expectListing(filters, 97);
    const pages = Math.ceil(want.length / 97);
    const past = await getPage(filters, pages + 1, 97);
    expect(past).toMatchObject({
      data: [],
      total_found: want.length,
      total_pages: pages,
      current_page: pages + 1,
    });
    const farPast = await getPage(filters, 1_000_000, 2000);
    expect(farPast.data).toEqual([]);
  });

  it('ignores parameters it does not know, and their repetition', async () => {
    const response = await server.get(`${contactsPath({ workspace: acme.id }, 1, 5)}&sort=email&x=1&x=2`);
    expect(response.status).toBe(200);
    expect(readAnswer(readContactsPageAnswer, response.json).total_found).toBe(
      expected({ workspace: acme.id }).length,
    );
  });

  it('returns at most 2000 rows a page', async () => {
    const body = await getPage({ workspace: acme.id }, 1, 2000);
    expect(body.data).toHaveLength(2000);
    expect(body.total_pages).toBe(2);
  });
});

describe('GET /contacts/{id}', () => {
  it('returns the contact with its workspace, source, status, custom fields and campaigns', async () => {
    const samples = [0, 1, 2, 3].map((count) =>
      contacts.find((contact) => contact.memberships.length === count),
    );
    samples.push(
      contacts.find((contact) => contact.hostile),
      contacts.find((c) => c.workspaceSeq === northwind.seq),
    );
    for (const contact of samples) {
      if (!contact) throw new Error('sample missing');
      const workspace = data.workspaces.find((candidate) => candidate.seq === contact.workspaceSeq);
      const response = await server.get(`/contacts/${contact.id}`);
      const body = readAnswer(readContactDetailAnswer, response.json);
      expect(body).toMatchObject({
        id: contact.id,
        email: contact.fields.email,
        full_name: contact.fields.full_name,
        workspace: workspace?.id,
        status: ownStage(contact),
        stage: ownStage(contact),
        source: contact.source,
        created: contact.created,
      });
      workspace?.customFields.forEach((field, index) => expect(body[field.code]).toBe(contact.custom[index]));
      expect(body.campaigns).toEqual(
        contact.memberships.map((m) => ({
          campaign: data.campaigns.find((campaign) => campaign.seq === m.campaignSeq)?.id,
          stage: workspace?.stageIds.get(m.stage),
          stage_name: m.stage,
          sending_mailbox: m.sendingMailbox,
          ...Object.fromEntries(TIMESTAMPS.map((t) => [t, m[t]])),
        })),
      );
      for (const field of CONTACT_FIELDS) expect(response.json).toHaveProperty(field.code);
    }
  });
});

describe('hostile records', () => {
  it('are in the large workspace, findable by their domain', async () => {
    const body = await getPage({ workspace: acme.id, search: 'hostile.example' }, 1, 100);
    expect(body.total_found).toBeGreaterThanOrEqual(24);
    const text = JSON.stringify(body.data);
    for (const row of body.data) expect(row.email?.toLowerCase()).toMatch(/@hostile\.example$/);
    for (const needle of [
      '<script>alert(1)</script>',
      'onerror=alert(1)',
      '"javascript:',
      '"data:text/html',
    ]) {
      expect(text).toContain(needle);
    }
    for (const prefix of ['=', '+', '-', '@']) {
      expect(body.data.some((row) => row.company_name?.startsWith(prefix))).toBe(true);
    }
    expect(body.data.some((row) => /[\u0590-\u05ff\u0600-\u06ff]/.test(row.full_name ?? ''))).toBe(true);
    expect(body.data.some((row) => (row.full_name ?? '').includes('\u202E'))).toBe(true);
    expect(body.data.some((row) => /\p{Extended_Pictographic}/u.test(row.full_name ?? ''))).toBe(true);
    expect(body.data.some((row) => row.personal_note_1?.length === 10_000)).toBe(true);
    const allNull = body.data.find((row) => row.email === 'all.null@hostile.example');
    const optional = CONTACT_FIELDS.map((field) => field.code).filter(
      (code) => code !== 'email' && code !== 'stage',
    );
    expect(optional.filter((code) => allNull?.[code] !== null)).toEqual([]);
  });
});

describe('errors', () => {
  const ws = `workspace=${acme.id}`;
  it.each([
    ['/contacts?display=10&page=1', 'Missing Fields', /missing the following keys: workspace$/],
    ['/contacts', 'Missing Fields', /workspace, display, page/],
    [`/contacts?${ws}&display=10`, 'Missing Fields', /keys: page$/],
    [
      `/contacts?${ws}&display=0&page=1`,
      'Failed Validation',
      /"display" must be a whole number from 1 to 2000/,
    ],
    [`/contacts?${ws}&display=2001&page=1`, 'Failed Validation', /"display".*got "2001"/],
    [`/contacts?${ws}&display=ten&page=1`, 'Failed Validation', /"display"/],
    [`/contacts?${ws}&display=1.5&page=1`, 'Failed Validation', /"display"/],
    [`/contacts?${ws}&display=10&page=0`, 'Failed Validation', /"page" must be a whole number from 1 to/],
    [`/contacts?${ws}&display=10&page=1000000000000`, 'Failed Validation', /"page".*got "1000000000000"/],
    [`/contacts?${ws}&display=10&page=-1`, 'Failed Validation', /"page"/],
    [
      `/contacts?${ws}&display=10&page=1&stage=Bogus`,
      'Failed Validation',
      /"stage" must be one of Reviewing, /,
    ],
    [`/contacts?${ws}&display=10&page=1&stage=replied`, 'Failed Validation', /"stage"/],
    [
      `/contacts?${ws}&display=10&page=1&has_opened=maybe`,
      'Failed Validation',
      /"has_opened" must be a boolean/,
    ],
    [`/contacts?${ws}&display=10&page=1&has_bounced=1`, 'Failed Validation', /"has_bounced"/],
    [`/contacts?${ws}&display=10&page=1&page=2`, 'Failed Validation', /"page" must be given once/],
    [
      `/contacts?${ws}&display=10&page=1&stage=Replied&stage=Nurture`,
      'Failed Validation',
      /"stage" must be given once/,
    ],
    ['/contacts?workspace=space_nope&display=10&page=1', 'Missing Record', /workspace.*space_nope/],
    [`/contacts?${ws}&display=10&page=1&campaign=camp_nope`, 'Missing Record', /campaign.*camp_nope/],
    [`/contacts?${ws}&display=10&page=1&campaign=${northwindCampaign.id}`, 'Missing Record', /campaign/],
    ['/contacts/contact_nope', 'Missing Record', /contact.*contact_nope/],
    ['/workspaces/space_nope/all-fields', 'Missing Record', /workspace/],
    ['/campaigns?workspace=space_nope&page=1&display=10', 'Missing Record', /workspace/],
    [`/campaigns?${ws}`, 'Missing Fields', /display, page/],
  ])('GET %s: 400 %s', async (path, label, message) => {
    await expectError(await server.get(path), 400, label, message);
  });

  it('refuses a missing or wrong key with 401 Unauthorized Permission', async () => {
    await expectError(
      await server.get('/workspaces', { key: null }),
      401,
      'Unauthorized Permission',
      /API key/,
    );
    await expectError(
      await server.get('/workspaces', { key: 'key_wrong' }),
      401,
      'Unauthorized Permission',
      /not valid/,
    );
  });

  it('answers unknown paths with 404 and other methods with 405, in the same shape', async () => {
    await expectError(await server.get('/nope'), 404, 'Not Found', /\/nope/);
    await expectError(await server.get('/contacts/a/b'), 404, 'Not Found', /endpoint/);
    const post = await server.get('/contacts', { method: 'POST' });
    await expectError(post, 405, 'Method Not Allowed', /Only GET/);
    expect(post.headers.get('allow')).toBe('GET');
    await expectError(
      await server.get('/workspaces', { method: 'DELETE' }),
      405,
      'Method Not Allowed',
      /GET/,
    );
  });
});

async function expectError(
  response: Awaited<ReturnType<SandboxClient['get']>>,
  status: number,
  label: string,
  message: RegExp,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const [body] = readAnswer(readErrorAnswer, response.json);
  expect(body).toEqual({ statusCode: status, error: label, message: expect.stringMatching(message) });
}

describe('rate limit', () => {
  it('answers 429 Rate Limited with Retry-After past the limit, and lets requests in again after it', async () => {
    const limited = sandboxClient(db, { requests: 3, windowMs: 1_000 });
    // Sent together, so that even a slow machine cannot spread them over the window.
    const answers = await Promise.all([1, 2, 3, 4].map(() => limited.get('/workspaces')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429]);
    const refused = answers.find((answer) => answer.status === 429);
    if (!refused) throw new Error('no request was refused');
    await expectError(refused, 429, 'Rate Limited', /limit is 3 requests per second\. Retry in 1 s/);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    expect((await limited.get('/workspaces')).status).toBe(200);
  });
});
