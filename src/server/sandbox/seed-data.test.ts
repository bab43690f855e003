import { describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/contract';
import { SEED_NOW, generateSandboxData } from './seed-data';
import type { SeedContact, SeedMembership } from './seed-data';

const data = generateSandboxData({ seed: 'seed-data-test', contacts: 4000 });
const contacts = [...data.contacts()];
const ID = (prefix: string) => new RegExp(`^${prefix}_[A-Za-z0-9]{25}$`);

describe('the generated demo data', () => {
  it('is the same for the same seed and size, and differs for another seed', () => {
    const again = [...generateSandboxData({ seed: 'seed-data-test', contacts: 4000 }).contacts()];
    expect(JSON.stringify(again)).toBe(JSON.stringify(contacts));
    const other = generateSandboxData({ seed: 'another seed', contacts: 4000 });
    expect([...other.contacts()][0]?.id).not.toBe(contacts[0]?.id);
    expect(other.workspaces[0]?.id).not.toBe(data.workspaces[0]?.id);
  });

  it('keeps workspace and campaign ids when only the size changes', () => {
    const bigger = generateSandboxData({ seed: 'seed-data-test', contacts: 9000 });
    expect(bigger.workspaces.map((workspace) => workspace.id)).toEqual(data.workspaces.map((w) => w.id));
    expect(bigger.campaigns.map((campaign) => campaign.id)).toEqual(data.campaigns.map((c) => c.id));
  });

  it('has exactly the requested number of contacts: a large, a small and an empty workspace', () => {
    expect(contacts).toHaveLength(4000);
    const [large, small, empty] = data.workspaces;
    expect(large?.name).toBe('Acme Outbound');
    expect(large?.contactCount).toBe(3400);
    expect(small?.contactCount).toBe(600);
    expect(empty?.contactCount).toBe(0);
    expect(data.campaigns.filter((campaign) => campaign.workspaceSeq === large?.seq)).toHaveLength(25);
    expect(data.campaigns.filter((campaign) => campaign.workspaceSeq === empty?.seq)).toHaveLength(0);
    expect(new Set(data.campaigns.map((campaign) => campaign.status))).toEqual(
      new Set(['live', 'draft', 'paused', 'completed']),
    );
  });

  it('uses Mailstand id formats, unique ids, and lists contacts newest first, then by id', () => {
    for (const workspace of data.workspaces) expect(workspace.id).toMatch(ID('space'));
    for (const campaign of data.campaigns) expect(campaign.id).toMatch(ID('camp'));
    expect(new Set(contacts.map((contact) => contact.id)).size).toBe(contacts.length);
    expect(contacts.filter((contact) => !ID('contact').test(contact.id))).toEqual([]);
    const misordered = contacts.filter((contact, index) => {
      const next = contacts[index + 1];
      if (!next || next.workspaceSeq !== contact.workspaceSeq) return false;
      return !(contact.created > next.created || (contact.created === next.created && contact.id < next.id));
    });
    expect(misordered).toEqual([]);
    // Spreadsheet imports share one `created`, so the tie-break by id matters.
    expect(new Set(contacts.map((contact) => contact.created)).size).toBeLessThan(contacts.length / 2);
  });

  it('fills the record like real uploads: plausible values, some "" and some null', () => {
    const regular = contacts.filter((contact) => !contact.hostile);
    const share = (test: (contact: SeedContact) => boolean) => regular.filter(test).length / regular.length;
    expect(share((contact) => contact.fields.middle_name === '')).toBeGreaterThan(0.1);
    expect(share((contact) => contact.fields.middle_name === null)).toBeGreaterThan(0.1);
    expect(share((contact) => /^\d{1,3}$/.test(contact.fields.lead_score ?? ''))).toBeGreaterThan(0.7);
    expect(
      share((contact) => /^\d{2}\/\d{2}\/\d{4}$/.test(contact.fields.job_start_date ?? '')),
    ).toBeGreaterThan(0.5);
    expect(
      share((contact) => contact.fields.linkedin?.startsWith('https://www.linkedin.com/in/') ?? false),
    ).toBe(share((contact) => Boolean(contact.fields.linkedin)));
    expect(
      share((contact) => /^[A-Z][a-z]+\/[A-Za-z_]+/.test(contact.fields.timezone ?? '')),
    ).toBeGreaterThan(0.8);
    expect(share((contact) => /[A-Z]/.test(contact.fields.email ?? ''))).toBeGreaterThan(0.02);
    // Emails are ASCII, so LIKE (ASCII case folding) and the trigram index agree on them.
    const email = /^([\x21-\x7e]+@[a-z0-9.-]+\.[a-z]+)?$/i;
    expect(
      regular.filter((contact) => !email.test(contact.fields.email ?? '')).map((c) => c.fields.email),
    ).toEqual([]);
    expect(regular.filter((contact) => contact.created > SEED_NOW)).toEqual([]);
  });

  it('gives every membership a stage and event times that agree with it', () => {
    const campaigns = new Map(data.campaigns.map((campaign) => [campaign.seq, campaign]));
    const memberships = contacts.flatMap((contact) => contact.memberships.map((m) => ({ contact, m })));
    expect(new Set(memberships.map(({ m }) => m.stage))).toEqual(new Set(STAGES));
    const problems = memberships.flatMap(({ contact, m }) => {
      const campaign = campaigns.get(m.campaignSeq);
      const times = [m.last_sent, m.last_open, m.last_click, m.last_reply, m.last_unsubscribe, m.last_bounce];
      const found: string[] = [];
      if (campaign?.workspaceSeq !== contact.workspaceSeq) found.push('campaign of another workspace');
      if (agreement(m) !== 'ok') found.push(`${m.stage}: ${agreement(m)}`);
      if (times.some((time) => time !== null && time < contact.created)) found.push('event before upload');
      if (times.some((time) => time !== null && time > (campaign?.end ?? 0)))
        found.push('event after the end');
      if (campaign?.status === 'draft' && m.last_sent !== null) found.push('sent by a draft');
      return found;
    });
    expect(problems).toEqual([]);
    const perContact = contacts.map((contact) => contact.memberships.length);
    expect(Math.min(...perContact)).toBe(0);
    expect(Math.max(...perContact)).toBe(3);
  });

  it('places a few dozen hostile records in the large workspace, under hostile.example', () => {
    const hostile = contacts.filter((contact) => contact.hostile);
    expect(hostile.length).toBeGreaterThanOrEqual(24);
    for (const contact of hostile) {
      expect(contact.workspaceSeq).toBe(data.workspaces[0]?.seq);
      expect(contact.fields.email?.toLowerCase()).toMatch(/@hostile\.example$/);
    }
  });
});

function agreement(m: SeedMembership): string {
  const sent = m.last_sent !== null;
  const replied = m.last_reply !== null;
  if (m.last_open !== null && (m.last_sent === null || m.last_open < m.last_sent)) return 'open before send';
  if (m.last_click !== null && (m.last_open === null || m.last_click < m.last_open))
    return 'click before open';
  switch (m.stage) {
    case 'Reviewing':
    case 'Untouched':
    case 'Excluded':
      return [m.last_sent, m.last_open, m.last_click, m.last_reply, m.last_unsubscribe, m.last_bounce].every(
        (time) => time === null,
      )
        ? 'ok'
        : 'events without a send';
    case 'Bad Contact Info':
      return sent && m.last_bounce !== null && m.last_open === null && !replied ? 'ok' : 'bounce';
    case 'Replied':
    case 'Interested':
    case 'Not Interested':
    case 'Nurture':
      return sent && replied && m.last_bounce === null ? 'ok' : 'reply';
    case 'Do Not Contact':
      return sent && (m.last_unsubscribe !== null || replied) && m.last_bounce === null ? 'ok' : 'stop';
    case 'Prospecting':
    case 'Unresponsive':
      return sent && !replied && m.last_bounce === null && m.last_unsubscribe === null ? 'ok' : 'sequence';
  }
}
