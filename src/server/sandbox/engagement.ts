import { STAGE_PROGRESS } from '../../shared/contract';
import type { Stage } from '../../shared/contract';
import type { EventTimes } from './seed-data';
import { ENGAGEMENT_BITS } from './schema';

/**
 * The stage a contact shows when no campaign is chosen: its most progressed stage over its
 * campaigns (STAGE_PROGRESS). A contact in no campaign has not been contacted at all, which is
 * what Untouched means, so it shows Untouched; Mailstand does not document this case.
 */
export function mostProgressedStage(stages: readonly Stage[]): Stage {
  let best: Stage = 'Untouched';
  let bestRank = -1;
  for (const stage of stages) {
    const rank = STAGE_PROGRESS.indexOf(stage);
    if (rank > bestRank) {
      best = stage;
      bestRank = rank;
    }
  }
  return best;
}

/** The engagement bits of one membership: which of the filterable events happened in it. */
export function engagementBits(times: EventTimes): number {
  return (
    (times.last_open !== null ? ENGAGEMENT_BITS.has_opened : 0) |
    (times.last_click !== null ? ENGAGEMENT_BITS.has_clicked : 0) |
    (times.last_reply !== null ? ENGAGEMENT_BITS.has_replied : 0) |
    (times.last_bounce !== null ? ENGAGEMENT_BITS.has_bounced : 0)
  );
}
