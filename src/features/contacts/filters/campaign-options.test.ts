import { describe, expect, it } from 'vitest';
import { readAnswer, readCampaignsAnswer } from '../../../shared/contract';
import { filterCampaigns } from './campaign-options';

const campaigns = readAnswer(readCampaignsAnswer, {
  data: [
    { id: 'camp_1', name: 'Spring Outreach', status: 'live' },
    { id: 'camp_2', name: 'Webinar follow-up', status: 'draft' },
    { id: 'camp_3', name: 'Spring webinar', status: 'draft' },
  ],
}).data;

const ids = (text: string) => filterCampaigns(campaigns, text).map((campaign) => campaign.id);

describe('filterCampaigns', () => {
  it('lists every campaign for empty text', () => {
    expect(ids('')).toEqual(['camp_1', 'camp_2', 'camp_3']);
    expect(ids('   ')).toEqual(['camp_1', 'camp_2', 'camp_3']);
  });

  it('matches every word in the name or status, in any order and case', () => {
    expect(ids('spring')).toEqual(['camp_1', 'camp_3']);
    expect(ids('WEBINAR spring')).toEqual(['camp_3']);
    expect(ids('draft')).toEqual(['camp_2', 'camp_3']);
    expect(ids('live spring')).toEqual(['camp_1']);
    expect(ids('autumn')).toEqual([]);
  });
});
