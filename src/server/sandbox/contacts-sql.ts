import { CAMPAIGN_TIMESTAMP_FIELDS } from '../../shared/contract';
import type { Stage } from '../../shared/contract';
import { CONTACT_VALUE_FIELDS, isHumanTimeField } from './contact-fields';
import { timeAgoSql } from './human-time';

/** The SQL of GET /contacts: which contacts match, in list order, and one page of them as JSON. */

export type Filter = {
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
export type Plan = Filter & { via: 'range' | 'filters' | 'filters-like' | 'trigrams' };
export type Window = { limit: number; offset: number; descending: boolean };

/** The trigram index cannot answer searches shorter than three characters: those use LIKE. */
export function trigramsOf(search: string): string[] {
  const characters = Array.from(search.toLowerCase());
  const trigrams: string[] = [];
  for (let i = 0; i + 3 <= characters.length; i++) trigrams.push(characters.slice(i, i + 3).join(''));
  return trigrams;
}

/** The positions of the matching contacts, in list order (or reversed). */
export function positionsSql(plan: Plan, descending: boolean): string {
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
export function bindings(plan: Plan, window: Window | null): Record<string, string | number> {
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
 * else the contact's own stage and nulls; the human times in words as of `$now`. Building it in SQLite avoids 120,000 JavaScript values
 * per page of 2000 and their serialization, the largest cost of a page.
 */
export function pageSql(plan: Plan, window: Window, customCodes: readonly string[]): string {
  const inCampaign = plan.campaign !== null;
  const pairs: string[] = [`'id', contacts.id`];
  for (const code of CONTACT_VALUE_FIELDS) {
    if (code === 'email') pairs.push(`'email', contacts.email`);
    else if (isHumanTimeField(code)) pairs.push(`'${code}', ${timeAgoSql(`contact_values.${code}`, '$now')}`);
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
