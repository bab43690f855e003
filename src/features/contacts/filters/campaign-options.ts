import type { Campaign } from '../../../shared/contract';

/**
 * The campaigns a typed text picks out: every word must appear in the name or the status, in
 * any order and case, so "live spring" finds "Spring Outreach (live)".
 */
export function filterCampaigns(campaigns: readonly Campaign[], text: string): Campaign[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...campaigns];
  return campaigns.filter((campaign) => {
    const haystack = `${campaign.name} ${campaign.status ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
