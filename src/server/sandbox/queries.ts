import type Database from 'better-sqlite3';
import { CAMPAIGN_TIMESTAMP_FIELDS, CONTACT_FIELDS } from '../../shared/contract';
import type { Stage } from '../../shared/contract';
import type { ContactsQuery } from './contacts-query';
import { CONTACT_VALUE_FIELDS } from './contact-fields';
import { shortDate, timeAgo } from './human-time';
import { engagementMask } from './schema';
import { SEED_NOW } from './seed-data';

/**
 * Every read the sandbox API makes. The database is read-only, so workspaces, campaigns and
 * custom fields are loaded once, and each count is computed once per filter set and remembered.
 */

type Workspace = {
  seq: number;
  id: string;
  name: string;
  color: string;
  firstPosition: number;
  lastPosition: number;
  customFields: { code: string; label: string }[];
};

type Campaign = {
  seq: number;
  id: string;
  workspace: number;
  name: string;
  status: string;
  steps: number;
  created: number;
  ends: number;
  contacts: number;
  initials: number;
  opens_num: number;
  replies_num: number;
  bounces_num: number;
  interested_num: number;
  last_activity: number;
};

const COUNT_CACHE_SIZE = 5_000;

export type ContactsPageResult = { total: number; rows: Buffer };

export function createSandboxQueries(db: Database.Database) {
  const workspaces = db
    .prepare<[], Omit<Workspace, 'customFields'>>(
      `SELECT seq, id, name, color, first_position AS firstPosition, last_position AS lastPosition
       FROM workspaces ORDER BY seq`,
    )
    .all()
    .map((workspace) => ({
      ...workspace,
      customFields: db
        .prepare<[number], { code: string; label: string }>(
          'SELECT code, label FROM custom_fields WHERE workspace = ? ORDER BY code',
        )
        .all(workspace.seq),
    }));
  const workspacesById = new Map(workspaces.map((workspace) => [workspace.id, workspace]));
  const campaigns = db.prepare<[], Campaign>('SELECT * FROM campaigns ORDER BY created DESC, id').all();
  const campaignsById = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
  const campaignIds = new Map(campaigns.map((campaign) => [campaign.seq, campaign.id]));
  const stageIds = new Map(
    db
      .prepare<[], { workspace: number; name: string; id: string }>('SELECT workspace, name, id FROM stages')
      .all()
      .map((row) => [`${row.workspace}/${row.name}`, row.id]),
  );

  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
  const counts = new Map<string, number>();
  const trigramCount = db
    .prepare<[string], number>('SELECT contacts FROM email_trigrams WHERE trigram = ?')
    .pluck();

  function contactsPage(
    query: ContactsQuery,
    workspace: Workspace,
    campaign: Campaign | null,
  ): ContactsPageResult {
    const filter = toFilter(query, workspace, campaign);
    const total = count(filter);
    const offset = (query.page - 1) * query.display;
    if (offset >= total) return { total, rows: Buffer.alloc(0) };
    const limit = Math.min(query.display, total - offset);
    const plan = planFor(filter);
    // Skipping rows is what costs on deep pages, so read from whichever end is nearer (the count
    // is exact): the last page is as cheap as the first. A range needs no skipping at all.
    const after = total - offset - limit;
    const window: Window =
      plan.via !== 'range' && after < offset
        ? { limit, offset: after, descending: true }
        : { limit, offset, descending: false };
    const rows = statement(
      pageSql(
        plan,
        window,
        workspace.customFields.map((field) => field.code),
      ),
    )
      .pluck()
      .get(bindings(plan, window));
    return { total, rows: Buffer.isBuffer(rows) ? rows : Buffer.alloc(0) };
  }

  /** The number of contacts matching, computed once per filter: the data never changes. */
  function count(filter: Filter): number {
    const key = JSON.stringify(filter);
    const known = counts.get(key);
    if (known !== undefined) return known;
    const plan = planFor(filter);
    const counted =
      plan.via === 'trigrams' || plan.via === 'filters-like'
        ? numberOf(
            statement(`SELECT count(*) FROM (${positionsSql(plan, false)})`)
              .pluck()
              .get(bindings(plan, null)),
          )
        : countWithoutSearch(filter);
    if (counts.size >= COUNT_CACHE_SIZE) counts.delete(counts.keys().next().value ?? '');
    counts.set(key, counted);
    return counted;
  }

  /** Without a search, the precomputed group counts answer exactly, whatever the other filters. */
  function countWithoutSearch(filter: Filter): number {
    const stage = filter.stage === null ? '' : 'AND stage = $stage';
    const sql = `SELECT coalesce(sum(contacts), 0) FROM facet_counts
      WHERE workspace = $workspace AND campaign = $campaign ${stage} AND (engagement & $mask) = $mask`;
    return numberOf(
      statement(sql)
        .pluck()
        .get({
          workspace: filter.workspace,
          campaign: filter.campaign ?? 0,
          mask: filter.mask,
          ...(filter.stage === null ? {} : { stage: filter.stage }),
        }),
    );
  }

  /**
   * With a search, rows are found either from the trigram index (then checked against the other
   * filters) or from the other filters (then checked with LIKE); each costs about the same per row
   * it visits, so the plan visits the fewer: the exact count the other filters leave, against the
   * number of emails holding the search's rarest trigram (counted at seeding).
   */
  function planFor(filter: Filter): Plan {
    if (filter.search === '') {
      const unfiltered = filter.campaign === null && filter.stage === null && filter.mask === 0;
      return { ...filter, via: unfiltered ? 'range' : 'filters' };
    }
    const trigrams = trigramsOf(filter.search);
    if (trigrams.length === 0) return { ...filter, via: 'filters-like' };
    const candidates = countWithoutSearch(filter);
    let matches = Infinity;
    for (const trigram of trigrams) {
      matches = Math.min(matches, numberOf(trigramCount.get(trigram) ?? 0));
    }
    return { ...filter, via: matches <= candidates ? 'trigrams' : 'filters-like' };
  }

  return {
    workspaces(search: string) {
      const needle = search.toLowerCase();
      return workspaces
        .filter((workspace) => workspace.name.toLowerCase().includes(needle))
        .map((workspace) => ({
          id: workspace.id,
          name: workspace.name,
          color: workspace.color,
          campaign_count: campaigns.filter((campaign) => campaign.workspace === workspace.seq).length,
        }));
    },

    workspace: (id: string): Workspace | null => workspacesById.get(id) ?? null,
    campaign: (id: string): Campaign | null => campaignsById.get(id) ?? null,

    campaignsPage(workspace: Workspace, page: number, display: number) {
      const own = campaigns.filter((campaign) => campaign.workspace === workspace.seq);
      return own.slice((page - 1) * display, page * display).map(campaignRecord);
    },

    contactsPage,

    /** One contact with its campaigns, or null when there is no such contact. */
    contact(id: string): Record<string, unknown> | null {
      const row = statement(
        `SELECT contacts.workspace, contacts.stage, contacts.created, contacts.position, contact_values.*
         FROM contacts JOIN contact_values USING (position) WHERE contacts.id = ?`,
      ).get(id);
      if (!isRecord(row)) return null;
      const workspace = workspaces.find((candidate) => candidate.seq === row.workspace);
      const base = statement('SELECT id, email FROM contacts WHERE position = ?').get(row.position);
      if (!workspace || !isRecord(base)) return null;
      const memberships = statement(
        `SELECT campaign, stage, sending_mailbox, ${CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code).join(', ')}
         FROM memberships WHERE contact = ? ORDER BY campaign`,
      ).all(row.position);
      const record: Record<string, unknown> = { id: base.id };
      for (const field of CONTACT_FIELDS) {
        record[field.code] =
          field.code === 'email' ? base.email : field.code === 'stage' ? row.stage : row[field.code];
      }
      for (const field of workspace.customFields) record[field.code] = row[field.code];
      record.created = row.created;
      record.workspace = workspace.id;
      record.status = row.stage;
      record.source = row.source;
      record.campaigns = memberships.filter(isRecord).map((membership) => ({
        campaign: campaignIds.get(Number(membership.campaign)) ?? null,
        stage: stageIds.get(`${workspace.seq}/${String(membership.stage)}`) ?? null,
        stage_name: membership.stage,
        sending_mailbox: membership.sending_mailbox,
        ...Object.fromEntries(CAMPAIGN_TIMESTAMP_FIELDS.map((field) => [field.code, membership[field.code]])),
      }));
      return record;
    },

    /** The query plan of a GET /contacts page, to check that every shape of filter uses an index. */
    explain(query: ContactsQuery, workspace: Workspace, campaign: Campaign | null): string[] {
      const plan = planFor(toFilter(query, workspace, campaign));
      const window: Window = { limit: query.display, offset: 0, descending: false };
      return statement(`EXPLAIN QUERY PLAN ${pageSql(plan, window, [])}`)
        .all(bindings(plan, window))
        .filter(isRecord)
        .map((row) => String(row.detail));
    },
  };
}

export type SandboxQueries = ReturnType<typeof createSandboxQueries>;

type Filter = {
  workspace: number;
  firstPosition: number;
  lastPosition: number;
  campaign: number | null;
  stage: Stage | null;
  mask: number;
  search: string;
};

/**
 * range: no filter at all, so the page is a range of positions. filters: walk the contacts (or
 * the campaign's memberships) in list order, checking the filters. filters-like: the same, also
 * checking the search with LIKE on the email. trigrams: walk the trigram index's matches in list
 * order, checking the other filters.
 */
type Plan = Filter & { via: 'range' | 'filters' | 'filters-like' | 'trigrams' };
type Window = { limit: number; offset: number; descending: boolean };

/** The trigram index cannot answer searches shorter than three characters: those use LIKE. */
function trigramsOf(search: string): string[] {
  const characters = Array.from(search.toLowerCase());
  const trigrams: string[] = [];
  for (let i = 0; i + 3 <= characters.length; i++) trigrams.push(characters.slice(i, i + 3).join(''));
  return trigrams;
}

function toFilter(query: ContactsQuery, workspace: Workspace, campaign: Campaign | null): Filter {
  return {
    workspace: workspace.seq,
    firstPosition: workspace.firstPosition,
    lastPosition: workspace.lastPosition,
    campaign: campaign?.seq ?? null,
    stage: query.stage,
    mask: engagementMask(query),
    search: query.search,
  };
}

/** The positions of the matching contacts, in list order (or reversed). */
function positionsSql(plan: Plan, descending: boolean): string {
  const order = descending ? 'DESC' : '';
  if (plan.via === 'range') {
    return `SELECT position FROM contacts WHERE position BETWEEN $from AND $to ORDER BY position ${order}`;
  }
  const where: string[] = [];
  const filtered = plan.campaign === null ? 'contacts' : 'memberships';
  if (plan.stage !== null) where.push(`${filtered}.stage = $stage`);
  if (plan.mask !== 0) where.push(`(${filtered}.engagement & $mask) = $mask`);
  const and = (conditions: string[]) => conditions.map((condition) => `AND ${condition}`).join(' ');

  if (plan.via === 'trigrams') {
    // CROSS JOIN keeps the index of matches as the outer loop, read in rowid (= list) order.
    let join = '';
    if (plan.campaign !== null) {
      join =
        'CROSS JOIN memberships ON memberships.campaign = $campaign AND memberships.contact = contact_emails.rowid';
    } else if (where.length > 0) join = 'CROSS JOIN contacts ON contacts.position = contact_emails.rowid';
    return `SELECT contact_emails.rowid AS position FROM contact_emails ${join}
      WHERE contact_emails MATCH $match AND contact_emails.rowid BETWEEN $first AND $last ${and(where)}
      ORDER BY contact_emails.rowid ${order}`;
  }
  if (plan.via === 'filters-like') where.push(`contacts.email LIKE $pattern ESCAPE '\\'`);
  if (plan.campaign === null) {
    // With a stage, the (workspace, stage) index lists the positions in order; without one, the
    // workspace's range of positions does, where an index on workspace alone would need a sort.
    const range =
      plan.stage === null ? 'contacts.position BETWEEN $first AND $last' : 'contacts.workspace = $workspace';
    return `SELECT contacts.position FROM contacts WHERE ${range} ${and(where)} ORDER BY contacts.position ${order}`;
  }
  const join = plan.via === 'filters-like' ? 'JOIN contacts ON contacts.position = memberships.contact' : '';
  return `SELECT memberships.contact AS position FROM memberships ${join}
    WHERE memberships.campaign = $campaign ${and(where)} ORDER BY memberships.contact ${order}`;
}

/** Values for the parameters the plan's SQL uses; `window` is null when counting. */
function bindings(plan: Plan, window: Window | null): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (plan.via === 'range') {
    const from = plan.firstPosition + (window?.offset ?? 0);
    values.from = from;
    values.to = Math.min(plan.lastPosition, from + (window?.limit ?? plan.lastPosition) - 1);
    return values;
  }
  if (window) {
    values.limit = window.limit;
    values.offset = window.offset;
  }
  if (plan.via === 'trigrams') values.match = `"${plan.search.replaceAll('"', '""')}"`;
  if (plan.via === 'trigrams' || (plan.campaign === null && plan.stage === null)) {
    values.first = plan.firstPosition;
    values.last = plan.lastPosition;
  } else if (plan.campaign === null) values.workspace = plan.workspace;
  if (plan.campaign !== null) values.campaign = plan.campaign;
  if (plan.stage !== null) values.stage = plan.stage;
  if (plan.mask !== 0) values.mask = plan.mask;
  if (plan.via === 'filters-like') values.pattern = `%${plan.search.replace(/[\\%_]/g, '\\$&')}%`;
  return values;
}

/**
 * One page as JSON, built by SQLite into one UTF-8 blob: the objects in list order with the keys in
 * the documented order; the stage and campaign timestamps from the campaign when one is chosen,
 * else the contact's own stage and nulls. Building it in SQLite avoids 120,000 JavaScript values
 * per page of 2000 and their serialization, the largest cost of a page.
 */
function pageSql(plan: Plan, window: Window, customCodes: readonly string[]): string {
  const inCampaign = plan.campaign !== null;
  const pairs: string[] = [`'id', contacts.id`];
  for (const code of CONTACT_VALUE_FIELDS) {
    if (code === 'email') pairs.push(`'email', contacts.email`);
    else pairs.push(`'${code}', contact_values.${code}`);
    if (code === 'email') pairs.push(`'stage', ${inCampaign ? 'memberships.stage' : 'contacts.stage'}`);
  }
  for (const code of customCodes) pairs.push(`'${code}', contact_values.${code}`);
  pairs.push(`'created', contacts.created`);
  for (const field of CAMPAIGN_TIMESTAMP_FIELDS) {
    pairs.push(`'${field.code}', ${inCampaign ? `memberships.${field.code}` : 'NULL'}`);
  }
  const membership = inCampaign
    ? 'CROSS JOIN memberships ON memberships.campaign = $campaign AND memberships.contact = page.position'
    : '';
  const limit = plan.via === 'range' ? '' : 'LIMIT $limit OFFSET $offset';
  // The page's positions are put in list order first (2000 integers) and the rows are joined in
  // that order, which SQLite keeps through the aggregate; "group_concat(... ORDER BY)" would sort
  // the 3 MB of rendered JSON instead. The contract tests check the order of every page.
  return `SELECT CAST(group_concat(json_object(${pairs.join(', ')}), ',') AS BLOB)
    FROM (SELECT position FROM (${positionsSql(plan, window.descending)} ${limit}) ORDER BY position) AS page
    CROSS JOIN contacts ON contacts.position = page.position
    CROSS JOIN contact_values ON contact_values.position = page.position
    ${membership}`;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/**
 * A campaign as GET /campaigns documents it. `opens` and `replies` are percentages of the contacts
 * sent a first email (`initials`), as the documented example shows (28 of 32 = 87.5); `bounces` and
 * `interested` are taken the same way, since their `_num` twins carry the counts.
 */
function campaignRecord(campaign: Campaign) {
  // A live campaign still sends its steps, about three days apart, to the contacts it has left.
  const running = campaign.status === 'live';
  const daysLeft = running ? campaign.steps * 3 : 0;
  return {
    id: campaign.id,
    status: campaign.status,
    name: campaign.name,
    steps: campaign.steps,
    contacts: campaign.contacts,
    opens: percent(campaign.opens_num, campaign.initials),
    initials: campaign.initials,
    interested: percent(campaign.interested_num, campaign.initials),
    replies: percent(campaign.replies_num, campaign.initials),
    bounces: percent(campaign.bounces_num, campaign.initials),
    last_activity: timeAgo(campaign.last_activity, SEED_NOW),
    opens_num: campaign.opens_num,
    replies_num: campaign.replies_num,
    bounces_num: campaign.bounces_num,
    interested_num: campaign.interested_num,
    days_left: daysLeft,
    days_left_date: running ? shortDate(SEED_NOW + daysLeft * 86_400) : 'Complete',
    days_left_display: `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`,
    created: campaign.created,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numberOf(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`Expected a count from SQLite, got ${String(value)}`);
  return value;
}
