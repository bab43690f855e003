/** The 11 Mailstand contact stages, spelled exactly as the API expects them. */
export const STAGES = [
  'Reviewing',
  'Untouched',
  'Prospecting',
  'Replied',
  'Unresponsive',
  'Do Not Contact',
  'Bad Contact Info',
  'Interested',
  'Not Interested',
  'Nurture',
  'Excluded',
] as const;

export type Stage = (typeof STAGES)[number];

/** What each stage means, from Mailstand's help centre ("Contact Stages"). */
export const STAGE_MEANINGS: Record<Stage, string> = {
  Reviewing: 'Waiting for someone on the team to review and approve; approval moves it to Untouched.',
  Untouched: 'Not contacted yet in the campaign.',
  Prospecting: 'In the middle of the email sequence; no reply, bounce or stop yet.',
  Replied: 'Replied to the campaign.',
  Unresponsive: 'Went through every step, never replied, never bounced.',
  'Do Not Contact': 'Unsubscribed, or asked not to be contacted.',
  'Bad Contact Info': 'An email to them bounced.',
  Interested: 'Replied and is interested.',
  'Not Interested': 'Replied and is not interested.',
  Nurture: 'Replied: not now, but open to contact later.',
  Excluded: "Excluded by the workspace's domain exclusion rules.",
};

/**
 * How far a contact has progressed, lowest first. Mailstand does not document how it picks the
 * single stage of a contact that sits in several campaigns; the sandbox takes the highest rank
 * here: a person's own verdict (Interested, Not Interested, Nurture, Do Not Contact) outranks an
 * automatic reply, which outranks a bounce, which outranks the sequence states.
 */
export const STAGE_PROGRESS: readonly Stage[] = [
  'Excluded',
  'Reviewing',
  'Untouched',
  'Prospecting',
  'Unresponsive',
  'Bad Contact Info',
  'Replied',
  'Nurture',
  'Not Interested',
  'Interested',
  'Do Not Contact',
];

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
