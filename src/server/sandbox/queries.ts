import type Database from 'better-sqlite3';
import { CAMPAIGN_TIMESTAMP_FIELDS, CONTACT_FIELDS } from '../../shared/contract';
import { campaignRecord } from './campaign-record';
import type { Campaign } from './campaign-record';
import type { ContactsQuery } from './contacts-query';
import { bindings, pageSql, positionsSql, trigramsOf } from './contacts-sql';
import { isHumanTimeField } from './contact-fields';
import { timeAgo } from './human-time';
import type { Filter, Plan, Window } from './contacts-sql';
import { engagementMask } from './schema';

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

const COUNT_CACHE_SIZE = 5_000;

/** `rows` holds the page's contacts as JSON objects separated by commas, in UTF-8, ready to send. */
export type ContactsPageResult = { total: number; rows: Buffer };

/** The clock the answers' words are true for, in Unix seconds. */
export type Clock = () => number;
const systemClock: Clock = () => Math.floor(Date.now() / 1000);

export function createSandboxQueries(db: Database.Database, now: Clock = systemClock) {
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
      .get({ ...bindings(plan, window), now: Math.floor(now()) });
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
    // LIKE folds only ASCII letters and the trigram index folds all of Unicode; they agree on
    // ASCII, so a search with other letters always takes the index, keeping one meaning.
    if (!/^[\x20-\x7e]*$/.test(filter.search)) return { ...filter, via: 'trigrams' };
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
      const answeredAt = now();
      return own
        .slice((page - 1) * display, page * display)
        .map((campaign) => campaignRecord(campaign, answeredAt));
    },

    contactsPage,

    /** One contact with its campaigns, or null when there is no such contact. */
    contact(id: string): Record<string, unknown> | null {
      const row = statement(
        `SELECT contacts.id, contacts.email, contacts.workspace, contacts.stage, contacts.created, contact_values.*
         FROM contacts JOIN contact_values USING (position) WHERE contacts.id = ?`,
      ).get(id);
      if (!isRecord(row)) return null;
      const workspace = workspaces.find((candidate) => candidate.seq === row.workspace);
      if (!workspace) return null;
      const memberships = statement(
        `SELECT campaign, stage, sending_mailbox, ${CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code).join(', ')}
         FROM memberships WHERE contact = ? ORDER BY campaign`,
      ).all(row.position);
      const record: Record<string, unknown> = { id: row.id };
      const answeredAt = now();
      for (const field of CONTACT_FIELDS) {
        const value = row[field.code];
        record[field.code] =
          isHumanTimeField(field.code) && typeof value === 'number' ? timeAgo(value, answeredAt) : value;
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
        .all({ ...bindings(plan, window), now: Math.floor(now()) })
        .filter(isRecord)
        .map((row) => String(row.detail));
    },
  };
}

export type SandboxQueries = ReturnType<typeof createSandboxQueries>;

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numberOf(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`Expected a count from SQLite, got ${String(value)}`);
  return value;
}
