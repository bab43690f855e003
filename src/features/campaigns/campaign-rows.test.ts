import { describe, expect, it } from 'vitest';
import { readAnswer, readCampaignsAnswer } from '../../shared/contract';
import { documentedExample } from '../../shared/contract/examples';
import { campaignRow, formatRate, sortRows, statusesOf, unreadableNotice } from './campaign-rows';

function rowsOf(data: unknown[]) {
  return readAnswer(readCampaignsAnswer, { status: 'ok', data }).data.map(campaignRow);
}

const base = {
  status: 'live',
  steps: 3,
  contacts: 40,
  initials: 32,
  opens_num: 28,
  replies_num: 4,
  bounces_num: 1,
};

describe('campaign rows', () => {
  it("reads Mailstand's documented example with rates from the counts", () => {
    const [first] = readAnswer(readCampaignsAnswer, documentedExample('campaigns-list')).data.map(
      campaignRow,
    );
    expect(first).toMatchObject({ name: 'Campaign One', contacts: 33, emailed: 32, open_rate: 28 / 32 });
    expect(formatRate(first?.open_rate ?? null)).toBe('87.5%');
  });

  it('shows "—" rather than NaN for a campaign nobody was emailed in', () => {
    const [empty] = rowsOf([
      { id: 'camp_1', name: 'Empty', status: 'draft', steps: 1, contacts: 0, initials: 0, opens_num: 0 },
    ]);
    expect(empty?.open_rate).toBeNull();
    expect(formatRate(empty?.open_rate ?? null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });

  it('keeps a campaign whose counts drifted, reads numeric text, and says what it could not read', () => {
    const rows = rowsOf([
      { ...base, id: 'camp_1', name: 'Text counts', initials: '10', opens_num: '5' },
      { ...base, id: 'camp_2', name: 'Broken', replies_num: 'many', bounces_num: { n: 1 } },
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.open_rate).toBe(0.5);
    expect(rows[1]).toMatchObject({ open_rate: 28 / 32, reply_rate: null, bounce_rate: null });
    expect(unreadableNotice(rows)).toBe(
      'Some counts came in a form the app cannot read (replies_num in 1 campaign, bounces_num in 1 campaign): their rates show "—".',
    );
    expect(unreadableNotice(rows.slice(0, 1))).toBeNull();
  });

  it('sorts by any column, rows without a value last either way, ties by name', () => {
    const rows = rowsOf([
      { ...base, id: 'camp_1', name: 'Beta', replies_num: 8 },
      { ...base, id: 'camp_2', name: 'alpha', replies_num: 8 },
      { ...base, id: 'camp_3', name: 'Gamma', initials: 0 },
      { ...base, id: 'camp_4', name: 'Delta', replies_num: 1, status: 'paused' },
    ]);
    const names = (sorted: { name: string }[]) => sorted.map((row) => row.name);
    expect(names(sortRows(rows, { key: 'reply_rate', descending: true }))).toEqual([
      'alpha',
      'Beta',
      'Delta',
      'Gamma',
    ]);
    expect(names(sortRows(rows, { key: 'reply_rate', descending: false }))).toEqual([
      'Delta',
      'alpha',
      'Beta',
      'Gamma',
    ]);
    expect(names(sortRows(rows, { key: 'name', descending: false }))).toEqual([
      'alpha',
      'Beta',
      'Delta',
      'Gamma',
    ]);
    expect(names(sortRows(rows, { key: 'status', descending: true }))).toEqual([
      'Delta',
      'alpha',
      'Beta',
      'Gamma',
    ]);
    expect(statusesOf(rows)).toEqual(['live', 'paused']);
  });
});
