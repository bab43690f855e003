import { describe, expect, it } from 'vitest';
import { HUMAN_TIME_FIELDS } from './contact-fields';
import { acme, contacts, contactsPath, useSandboxUnderTest } from './contract-fixture';
import { timeAgo } from './human-time';
import { sandboxClient } from './sandbox-client';

const { server } = useSandboxUnderTest();

describe('human-readable times', () => {
  // A clock the test moves: the words must follow it, not the moment the database was seeded.
  let clock = 0;
  const at = () => clock;
  const source = contacts.find((contact) => contact.workspaceSeq === acme.seq);
  if (!source) throw new Error('the seed has contacts in the large workspace');

  it('are put in words as of the moment the sandbox answers', async () => {
    const timed = sandboxClient(server.db, null, at);
    clock = source.fields.last_activity + 47 * 60;
    const detail = (await timed.get(`/contacts/${source.id}`)).json as Record<string, unknown>;
    expect(detail.last_activity).toBe('47 minutes ago');
    expect(detail.created_at).toBe(timeAgo(source.fields.created_at, clock));

    clock = source.fields.last_activity + 2 * 86_400 + 60;
    expect(((await timed.get(`/contacts/${source.id}`)).json as Record<string, unknown>).last_activity).toBe(
      '2 days ago',
    );
    const page = (await timed.get(contactsPath({ workspace: acme.id }, 1, 200))).json as {
      data: Record<string, unknown>[];
    };
    for (const row of page.data) {
      const seeded = contacts.find((contact) => contact.id === row.id);
      if (!seeded) throw new Error(`no seeded contact ${String(row.id)}`);
      for (const code of HUMAN_TIME_FIELDS) expect(row[code]).toBe(timeAgo(seeded.fields[code], clock));
    }
  });

  it("puts a campaign's last activity and expected end in words as of the answer", async () => {
    const timed = sandboxClient(server.db, null, at);
    const campaignsOf = async () =>
      (
        (await timed.get(`/campaigns?workspace=${acme.id}&page=1&display=100`)).json as {
          data: { id: string; last_activity: string; days_left_date: string }[];
        }
      ).data;
    clock = Date.UTC(2026, 5, 2) / 1000;
    const soon = await campaignsOf();
    clock = Date.UTC(2031, 0, 1) / 1000;
    const later = await campaignsOf();
    expect(later.every((campaign) => /^\d+ years? ago$/.test(campaign.last_activity))).toBe(true);
    expect(soon.some((campaign) => !/years? ago$/.test(campaign.last_activity))).toBe(true);
    expect(
      later
        .filter((campaign) => campaign.days_left_date !== 'Complete')
        .every((c) => c.days_left_date.endsWith('2031')),
    ).toBe(true);
  });
});
