import { describe, expect, it } from 'vitest';
import {
  readAnswer,
  CONTACT_FIELDS,
  ENGAGEMENT_FILTERS,
  STAGES,
  readContactsPageAnswer,
} from '../../shared/contract';
import { HUMAN_TIME_FIELDS, isHumanTimeField } from './contact-fields';
import { parseContactsQuery } from './contacts-query';
import { createSandboxQueries } from './queries';
import {
  TIMESTAMPS,
  acme,
  acmeCampaigns,
  bigCampaign,
  contacts,
  contactsPath,
  emptyCampaign,
  expected,
  initech,
  northwind,
  northwindCampaign,
  useSandboxUnderTest,
  type Filters,
} from './contract-fixture';

const { server, getPage, expectListing } = useSandboxUnderTest();

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
    const queries = createSandboxQueries(server.db.connection);
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
      (code) => code !== 'email' && code !== 'stage' && !isHumanTimeField(code),
    );
    expect(optional.filter((code) => allNull?.[code] !== null)).toEqual([]);
    // Mailstand always has a contact's moments, whatever was uploaded.
    for (const code of HUMAN_TIME_FIELDS) expect(allNull?.[code]).toMatch(/ ago$|^just now$/);
  });
});
