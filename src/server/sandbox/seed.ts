import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CONTACT_VALUE_FIELDS } from './contact-fields';
import { engagementBits, mostProgressedStage } from './engagement';
import { CREATE_INDEXES, CREATE_TABLES, CUSTOM_FIELD_COLUMNS, SCHEMA_VERSION } from './schema';
import { generateSandboxData } from './seed-data';

export type SeedOptions = { seed: string; contacts: number };

/** The meta rows that say which data a database file holds; a mismatch means rebuild. */
export function metaFor(options: SeedOptions): Record<string, string> {
  return { schema_version: String(SCHEMA_VERSION), seed: options.seed, contacts: String(options.contacts) };
}

/**
 * Builds the database into `tempPath` and renames it to `path` only once it is complete and on
 * disk, so that `path` always holds either the previous database or the new one: a kill at any
 * moment leaves at worst a temporary file, which the next start removes.
 */
export function buildSandboxDatabase(path: string, tempPath: string, options: SeedOptions): void {
  rmSync(tempPath, { force: true });
  const db = new Database(tempPath);
  try {
    // Nothing needs rolling back in a file that is thrown away when incomplete.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    db.exec(CREATE_TABLES);
    db.transaction(() => {
      insertData(db, options);
      db.exec(CREATE_INDEXES);
      const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [key, value] of Object.entries(metaFor(options))) insertMeta.run(key, value);
    })();
  } finally {
    db.close();
  }
  syncToDisk(tempPath);
  renameSync(tempPath, path);
  syncToDisk(dirname(path));
}

function syncToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const VALUE_COLUMNS = [
  'source',
  ...CONTACT_VALUE_FIELDS.filter((code) => code !== 'email'),
  ...CUSTOM_FIELD_COLUMNS,
] as const;

function insertData(db: Database.Database, options: SeedOptions): void {
  const data = generateSandboxData(options);
  const insertWorkspace = db.prepare(
    `INSERT INTO workspaces (seq, id, name, color, contact_count, first_position, last_position)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCustomField = db.prepare('INSERT INTO custom_fields (workspace, code, label) VALUES (?, ?, ?)');
  const insertStage = db.prepare('INSERT INTO stages (workspace, name, id) VALUES (?, ?, ?)');
  const insertMailbox = db.prepare('INSERT INTO mailboxes (id, workspace, email, color) VALUES (?, ?, ?, ?)');
  const insertCampaign = db.prepare(
    `INSERT INTO campaigns (seq, id, workspace, name, status, steps, created, ends, last_activity)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = db.prepare(
    'INSERT INTO contacts (position, id, workspace, email, stage, engagement, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertValues = db.prepare(
    `INSERT INTO contact_values (position, ${VALUE_COLUMNS.join(', ')})
     VALUES (?${', ?'.repeat(VALUE_COLUMNS.length)})`,
  );
  const insertMembership = db.prepare(
    `INSERT INTO memberships (campaign, contact, stage, engagement, sending_mailbox,
       last_sent, last_open, last_click, last_reply, last_unsubscribe, last_bounce)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  let position = 0;
  for (const workspace of data.workspaces) {
    // Contacts come workspace by workspace, so each workspace owns one range of positions.
    insertWorkspace.run(
      workspace.seq,
      workspace.id,
      workspace.name,
      workspace.color,
      workspace.contactCount,
      position + 1,
      position + workspace.contactCount,
    );
    position += workspace.contactCount;
    for (const field of workspace.customFields) insertCustomField.run(workspace.seq, field.code, field.label);
    for (const [stage, id] of workspace.stageIds) insertStage.run(workspace.seq, stage, id);
    for (const mailbox of workspace.mailboxes) {
      insertMailbox.run(mailbox.id, workspace.seq, mailbox.email, mailbox.color);
    }
  }
  for (const campaign of data.campaigns) {
    insertCampaign.run(
      campaign.seq,
      campaign.id,
      campaign.workspaceSeq,
      campaign.name,
      campaign.status,
      campaign.steps,
      campaign.created,
      campaign.end,
      campaign.created,
    );
  }

  const customColumns = new Map(
    data.workspaces.map((workspace) => [
      workspace.seq,
      CUSTOM_FIELD_COLUMNS.map((column) =>
        workspace.customFields.findIndex((field) => field.code === column),
      ),
    ]),
  );
  position = 0;
  const values: (string | number | null)[] = new Array(VALUE_COLUMNS.length + 1);
  for (const contact of data.contacts()) {
    position++;
    const engagement = contact.memberships.map(engagementBits);
    insertContact.run(
      position,
      contact.id,
      contact.workspaceSeq,
      contact.fields.email ?? '',
      mostProgressedStage(contact.memberships.map((membership) => membership.stage)),
      engagement.reduce((all, bits) => all | bits, 0),
      contact.created,
    );
    contact.memberships.forEach((membership, index) => {
      insertMembership.run(
        membership.campaignSeq,
        position,
        membership.stage,
        engagement[index],
        membership.sendingMailbox,
        membership.last_sent,
        membership.last_open,
        membership.last_click,
        membership.last_reply,
        membership.last_unsubscribe,
        membership.last_bounce,
      );
    });
    let column = 0;
    values[column++] = position;
    values[column++] = contact.source;
    for (const code of CONTACT_VALUE_FIELDS) if (code !== 'email') values[column++] = contact.fields[code];
    for (const index of customColumns.get(contact.workspaceSeq) ?? []) {
      values[column++] = index < 0 ? null : (contact.custom[index] ?? null);
    }
    insertValues.run(values);
  }
}
