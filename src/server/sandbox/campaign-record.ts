import { shortDate, timeAgo } from './human-time';

/** A row of the campaigns table. */
export type Campaign = {
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

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/**
 * A campaign as GET /campaigns documents it. `opens` and `replies` are percentages of the contacts
 * sent a first email (`initials`), as the documented example shows (28 of 32 = 87.5); `bounces` and
 * `interested` are taken the same way, since their `_num` twins carry the counts. `now` (Unix
 * seconds) is the moment of the answer: its words ("1 day ago") are true when they are read.
 */
export function campaignRecord(campaign: Campaign, now: number) {
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
    last_activity: timeAgo(campaign.last_activity, now),
    opens_num: campaign.opens_num,
    replies_num: campaign.replies_num,
    bounces_num: campaign.bounces_num,
    interested_num: campaign.interested_num,
    days_left: daysLeft,
    days_left_date: running ? shortDate(now + daysLeft * 86_400) : 'Complete',
    days_left_display: `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`,
    created: campaign.created,
  };
}
