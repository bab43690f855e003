import { ENGAGEMENT_FILTERS } from '../../shared/contract';
import type { EngagementFilter } from '../../shared/contract';
import { CONTACT_VALUE_FIELDS, isHumanTimeField } from './contact-fields';

/**
 * The sandbox's SQLite schema. Bump SCHEMA_VERSION whenever the tables or the generated data
 * change: a database built by another version is rebuilt on the next start.
 *
 * The data is read-only once seeded, which the layout exploits:
 * - `contacts.position` is the contact's place in list order (workspace, newest `created` first,
 *   then id), so "ORDER BY position" is the documented order without a sort, and each
 *   workspace's contacts are one contiguous range of positions.
 * - `contacts` is narrow (ids, email, and what the filters need) so scans stay in few pages; the
 *   uploaded values live in `contact_values`, read only for the rows of the page being returned.
 * - the most progressed stage and any-campaign engagement are precomputed per contact, per
 *   campaign engagement per membership, and `facet_counts` holds the number of contacts for every
 *   (workspace, campaign, stage, engagement) group, so a count without a search is a sum over a
 *   few small rows instead of a scan.
 * - `contact_emails` is an FTS5 trigram index over the email: a case-insensitive substring search
 *   that does not scan every contact.
 */
export const SCHEMA_VERSION = 3;

/** Custom field columns; a workspace's custom_fields rows say which of them it uses and how it names them. */
export const CUSTOM_FIELD_COLUMNS = ['custom_1', 'custom_2'] as const;

/** Bits of the `engagement` columns: which events happened (in a campaign, or in any of them). */
export const ENGAGEMENT_BITS: Record<EngagementFilter, number> = {
  has_opened: 1,
  has_clicked: 2,
  has_replied: 4,
  has_bounced: 8,
};

export function engagementMask(filters: Partial<Record<EngagementFilter, boolean>>): number {
  let mask = 0;
  for (const filter of ENGAGEMENT_FILTERS) if (filters[filter]) mask |= ENGAGEMENT_BITS[filter];
  return mask;
}

const valueColumns = [...CONTACT_VALUE_FIELDS.filter((code) => code !== 'email'), ...CUSTOM_FIELD_COLUMNS]
  .map((code) => `  ${code} ${isHumanTimeField(code) ? 'INTEGER' : 'TEXT'}`)
  .join(',\n');

export const CREATE_TABLES = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE workspaces (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  contact_count INTEGER NOT NULL,
  first_position INTEGER NOT NULL,
  last_position INTEGER NOT NULL
);

CREATE TABLE custom_fields (
  workspace INTEGER NOT NULL REFERENCES workspaces (seq),
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (workspace, code)
) WITHOUT ROWID;

CREATE TABLE stages (
  workspace INTEGER NOT NULL REFERENCES workspaces (seq),
  name TEXT NOT NULL,
  id TEXT NOT NULL UNIQUE,
  PRIMARY KEY (workspace, name)
) WITHOUT ROWID;

CREATE TABLE mailboxes (
  id TEXT PRIMARY KEY,
  workspace INTEGER NOT NULL REFERENCES workspaces (seq),
  email TEXT NOT NULL,
  color TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE campaigns (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  workspace INTEGER NOT NULL REFERENCES workspaces (seq),
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  steps INTEGER NOT NULL,
  created INTEGER NOT NULL,
  ends INTEGER NOT NULL,
  -- Statistics, computed from the memberships once seeding is done.
  contacts INTEGER NOT NULL DEFAULT 0,
  initials INTEGER NOT NULL DEFAULT 0,
  opens_num INTEGER NOT NULL DEFAULT 0,
  replies_num INTEGER NOT NULL DEFAULT 0,
  bounces_num INTEGER NOT NULL DEFAULT 0,
  interested_num INTEGER NOT NULL DEFAULT 0,
  last_activity INTEGER NOT NULL
);

CREATE TABLE contacts (
  position INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  workspace INTEGER NOT NULL REFERENCES workspaces (seq),
  email TEXT NOT NULL,
  -- The most progressed stage over the contact's campaigns, and the OR of their engagement bits.
  stage TEXT NOT NULL,
  engagement INTEGER NOT NULL,
  created INTEGER NOT NULL
);

CREATE TABLE contact_values (
  position INTEGER PRIMARY KEY REFERENCES contacts (position),
  source TEXT,
${valueColumns}
);

CREATE TABLE memberships (
  campaign INTEGER NOT NULL REFERENCES campaigns (seq),
  contact INTEGER NOT NULL REFERENCES contacts (position),
  stage TEXT NOT NULL,
  engagement INTEGER NOT NULL,
  sending_mailbox TEXT,
  last_sent INTEGER,
  last_open INTEGER,
  last_click INTEGER,
  last_reply INTEGER,
  last_unsubscribe INTEGER,
  last_bounce INTEGER,
  PRIMARY KEY (campaign, contact)
) WITHOUT ROWID;

-- How many emails contain each trigram: tells whether a search is rare enough to walk its matches.
CREATE TABLE email_trigrams (
  trigram TEXT PRIMARY KEY,
  contacts INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE facet_counts (
  workspace INTEGER NOT NULL,
  -- 0 for "any campaign": then stage and engagement are the contact's own.
  campaign INTEGER NOT NULL,
  stage TEXT NOT NULL,
  engagement INTEGER NOT NULL,
  contacts INTEGER NOT NULL,
  PRIMARY KEY (workspace, campaign, stage, engagement)
) WITHOUT ROWID;
`;

/** Built after the rows are in: one sorted build is much faster than updating indexes per insert. */
export const CREATE_INDEXES = `
CREATE UNIQUE INDEX contacts_by_id ON contacts (id);
CREATE INDEX contacts_by_stage ON contacts (workspace, stage);
CREATE INDEX memberships_by_contact ON memberships (contact);

CREATE VIRTUAL TABLE contact_emails USING fts5 (
  email,
  content = 'contacts',
  content_rowid = 'position',
  tokenize = 'trigram'
);
INSERT INTO contact_emails (contact_emails) VALUES ('rebuild');
CREATE VIRTUAL TABLE temp.email_vocabulary USING fts5vocab (main, contact_emails, row);
INSERT INTO email_trigrams SELECT term, doc FROM temp.email_vocabulary;
DROP TABLE temp.email_vocabulary;

INSERT INTO facet_counts
  SELECT workspace, 0, stage, engagement, count(*) FROM contacts GROUP BY workspace, stage, engagement;
INSERT INTO facet_counts
  SELECT campaigns.workspace, memberships.campaign, memberships.stage, memberships.engagement, count(*)
  FROM memberships JOIN campaigns ON campaigns.seq = memberships.campaign
  GROUP BY memberships.campaign, memberships.stage, memberships.engagement;

UPDATE campaigns SET
  contacts = stats.contacts,
  initials = stats.initials,
  opens_num = stats.opens_num,
  replies_num = stats.replies_num,
  bounces_num = stats.bounces_num,
  interested_num = stats.interested_num,
  last_activity = max(campaigns.created, stats.last_activity)
FROM (
  SELECT
    campaign,
    count(*) AS contacts,
    count(last_sent) AS initials,
    count(last_open) AS opens_num,
    count(last_reply) AS replies_num,
    count(last_bounce) AS bounces_num,
    sum(stage = 'Interested') AS interested_num,
    max(max(
      coalesce(last_sent, 0), coalesce(last_open, 0), coalesce(last_click, 0),
      coalesce(last_reply, 0), coalesce(last_unsubscribe, 0), coalesce(last_bounce, 0)
    )) AS last_activity
  FROM memberships GROUP BY campaign
) AS stats
WHERE stats.campaign = campaigns.seq;

ANALYZE;
`;
