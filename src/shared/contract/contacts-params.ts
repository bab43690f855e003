/** GET /contacts query parameters: names and limits shared by the app, the proxy and the sandbox. */
export const MAX_DISPLAY = 2000;

export const ENGAGEMENT_FILTERS = ['has_opened', 'has_clicked', 'has_replied', 'has_bounced'] as const;
export type EngagementFilter = (typeof ENGAGEMENT_FILTERS)[number];

export const ENGAGEMENT_LABELS: Record<EngagementFilter, string> = {
  has_opened: 'Opened',
  has_clicked: 'Clicked',
  has_replied: 'Replied',
  has_bounced: 'Bounced',
};

/** Mailstand's documented rate limit: 100 requests per 15 seconds per key. */
export const RATE_LIMIT = { requests: 100, windowMs: 15_000 } as const;
