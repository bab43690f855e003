import { STAGES } from '../../shared/contract';
import type { Stage } from '../../shared/contract';
import type { ContactFields } from './contact-fields';
import { HOSTILE_CONTACTS } from './hostile-contacts';
import { usDate } from './human-time';
import { createRandom } from './prng';
import type { Random } from './prng';
import {
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  CONTACT_SOURCES,
  DEGREES,
  FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  GENDERS,
  INDUSTRIES,
  LAST_NAMES,
  LEAD_SOURCES,
  MIDDLE_NAMES,
  NICKNAMES,
  NOTES,
  PERSONAS,
  PLACE_WEIGHTS,
  PLACES,
  SCHOOLS,
  STREETS,
  TITLES,
} from './seed-vocabulary';
import type { Place } from './seed-vocabulary';

/**
 * The demo data as plain values, independent of SQLite: seed.ts writes it to the database and the
 * contract tests regenerate it to compute expected answers without the sandbox's SQL.
 *
 * Same seed and size give the same data everywhere: every choice comes from the seeded PRNG, and
 * "now" is a fixed moment (the API puts the moments in words when it answers). Setup
 * (workspaces, campaigns, mailboxes) draws from its own stream, so its ids do not change with size.
 */

/** The moment the demo data describes: 2026-06-01 12:00 UTC. */
export const SEED_NOW = Date.UTC(2026, 5, 1, 12) / 1000;

const DAY = 86_400;
const HISTORY_SECONDS = 3 * 365 * DAY;

export type CampaignStatus = 'live' | 'draft' | 'paused' | 'completed';
/** The six per-campaign event times, Unix seconds or null. */
export type EventTimes = {
  last_sent: number | null;
  last_open: number | null;
  last_click: number | null;
  last_reply: number | null;
  last_unsubscribe: number | null;
  last_bounce: number | null;
};

export type SeedMailbox = { id: string; email: string; color: string };
export type SeedCustomField = { code: string; label: string };

export type SeedWorkspace = {
  /** Internal number; also the order of workspaces in GET /workspaces. */
  seq: number;
  id: string;
  name: string;
  color: string;
  customFields: readonly SeedCustomField[];
  /** Mailstand gives each stage of a workspace an id (`stage_...`). */
  stageIds: ReadonlyMap<Stage, string>;
  mailboxes: readonly SeedMailbox[];
  contactCount: number;
};

export type SeedCampaign = {
  seq: number;
  id: string;
  workspaceSeq: number;
  name: string;
  status: CampaignStatus;
  steps: number;
  created: number;
  /** The last moment anything can happen in it: now for live and draft, the stop for the others. */
  end: number;
  /** Relative share of the workspace's contacts it receives. */
  weight: number;
};

export type SeedMembership = EventTimes & {
  campaignSeq: number;
  stage: Stage;
  sendingMailbox: string | null;
};

export type SeedContact = {
  workspaceSeq: number;
  id: string;
  created: number;
  source: string | null;
  fields: ContactFields;
  /** Values of the workspace's custom fields, in the order of its customFields. */
  custom: (string | null)[];
  memberships: SeedMembership[];
  hostile: boolean;
};

export type SandboxData = {
  workspaces: readonly SeedWorkspace[];
  campaigns: readonly SeedCampaign[];
  /** Every contact, ordered as GET /contacts lists them: by workspace, newest first, then by id. */
  contacts(): Generator<SeedContact>;
};

type WorkspacePlan = {
  name: string;
  color: string;
  /** Share of all contacts, in percent. */
  share: number;
  customFields: readonly SeedCustomField[];
  mailboxDomain: string;
  campaigns: readonly (readonly [string, CampaignStatus])[];
  hostile: boolean;
};

const WORKSPACE_PLANS: readonly WorkspacePlan[] = [
  {
    name: 'Acme Outbound',
    color: '#37C23C',
    share: 85,
    customFields: [
      { code: 'custom_1', label: 'Imgur URL' },
      { code: 'custom_2', label: 'Lead Source' },
    ],
    mailboxDomain: 'acme-outbound.com',
    hostile: true,
    campaigns: [
      ['Q2 SaaS Founders', 'live'],
      ['RevOps Leaders – North America', 'live'],
      ['Webinar Follow-up: Deliverability', 'live'],
      ['EMEA Manufacturing Directors', 'live'],
      ['Healthcare IT Cold Outreach', 'live'],
      ['Series A Startups', 'live'],
      ['Security Buyers (CISO)', 'live'],
      ['Logistics VP Outreach', 'live'],
      ['Trial Users Nurture', 'live'],
      ['Partner Referral Intro', 'live'],
      ['Inbound Demo No-shows', 'live'],
      ['Agency Owners', 'live'],
      ['Churned Customers Win-back', 'paused'],
      ['LATAM Expansion', 'paused'],
      ['Retail Ops Directors', 'paused'],
      ['Chicago Roadshow Invite', 'paused'],
      ['Conference: SaaStr Annual', 'completed'],
      ['Product Launch: Analytics Suite', 'completed'],
      ['CFO Cost Savings', 'completed'],
      ['Holiday Check-in', 'completed'],
      ['Case Study Drip', 'completed'],
      ['APAC Pilot', 'draft'],
      ['Q3 Ideas', 'draft'],
      ['Education Vertical Test', 'draft'],
      ['Untitled Campaign', 'draft'],
    ],
  },
  {
    name: 'Northwind Partners',
    color: '#3339FF',
    share: 15,
    customFields: [{ code: 'custom_1', label: 'Persona' }],
    mailboxDomain: 'northwind-partners.com',
    hostile: false,
    campaigns: [
      ['Partner Program Intro', 'live'],
      ['Distributors EU', 'completed'],
      ['Spring Promotion', 'paused'],
      ['New Markets', 'draft'],
    ],
  },
  {
    name: 'Initech Pilot',
    color: '#F5A623',
    share: 0,
    customFields: [],
    mailboxDomain: 'initech.com',
    hostile: false,
    campaigns: [],
  },
];

const SENDER_NAMES = ['sarah', 'mike', 'priya', 'tom', 'lena', 'carlos', 'outreach', 'hello'];
const MAILBOX_COLORS = [
  '#4F46E5',
  '#0EA5E9',
  '#10B981',
  '#F59E0B',
  '#EF4444',
  '#8B5CF6',
  '#EC4899',
  '#14B8A6',
];

/** Stage weights per campaign status, in STAGES order. Drafts have sent nothing yet. */
const STAGE_WEIGHTS: Record<CampaignStatus, Partial<Record<Stage, number>>> = {
  draft: { Reviewing: 45, Untouched: 50, Excluded: 5 },
  live: {
    Reviewing: 5,
    Untouched: 12,
    Prospecting: 30,
    Unresponsive: 15,
    Replied: 6,
    Interested: 4,
    'Not Interested': 4,
    Nurture: 3,
    'Do Not Contact': 4,
    'Bad Contact Info': 9,
    Excluded: 3,
  },
  paused: {
    Reviewing: 3,
    Untouched: 15,
    Prospecting: 30,
    Unresponsive: 15,
    Replied: 6,
    Interested: 3,
    'Not Interested': 4,
    Nurture: 3,
    'Do Not Contact': 4,
    'Bad Contact Info': 9,
    Excluded: 3,
  },
  completed: {
    Unresponsive: 45,
    Replied: 10,
    Interested: 7,
    'Not Interested': 8,
    Nurture: 6,
    'Do Not Contact': 6,
    'Bad Contact Info': 13,
    Excluded: 5,
  },
};

/** How many campaigns a contact is in: 0 to 3. */
const MEMBERSHIP_COUNT_WEIGHTS = [20, 42, 26, 12];

/** Contacts arrive alone (added by hand or API) or in spreadsheet imports sharing one `created`. */
function batchSize(random: Random): number {
  const kind = random.weighted([50, 30, 20]);
  if (kind === 0) return 1;
  if (kind === 1) return random.between(2, 20);
  return random.between(21, 300);
}

function makeId(random: Random, prefix: string): string {
  return prefix + random.alphanumeric(25);
}

/** Splits `total` contacts over the plans by share; the last one with a share takes the rest. */
function contactCounts(total: number): number[] {
  const counts = WORKSPACE_PLANS.map((plan) => Math.floor((total * plan.share) / 100));
  const lastWithShare = WORKSPACE_PLANS.findLastIndex((plan) => plan.share > 0);
  const assigned = counts.reduce((sum, count) => sum + count, 0);
  counts[lastWithShare] = (counts[lastWithShare] ?? 0) + total - assigned;
  return counts;
}

export function generateSandboxData(options: { seed: string; contacts: number }): SandboxData {
  const setup = createRandom(`${options.seed}/setup`);
  const counts = contactCounts(options.contacts);
  const workspaces: SeedWorkspace[] = [];
  const campaigns: SeedCampaign[] = [];

  WORKSPACE_PLANS.forEach((plan, index) => {
    const seq = index + 1;
    const stageIds = new Map(STAGES.map((stage) => [stage, makeId(setup, 'stage_')]));
    const mailboxes = SENDER_NAMES.slice(0, setup.between(3, SENDER_NAMES.length)).map((sender, i) => ({
      id: makeId(setup, 'mailbox_'),
      email: `${sender}@${plan.mailboxDomain}`,
      color: MAILBOX_COLORS[i % MAILBOX_COLORS.length] ?? '#4F46E5',
    }));
    workspaces.push({
      seq,
      id: makeId(setup, 'space_'),
      name: plan.name,
      color: plan.color,
      customFields: plan.customFields,
      stageIds,
      mailboxes,
      contactCount: counts[index] ?? 0,
    });
    for (const [name, status] of plan.campaigns) {
      campaigns.push(makeCampaign(setup, campaigns.length + 1, seq, name, status));
    }
  });

  return {
    workspaces,
    campaigns,
    contacts: () => generateContacts(options.seed, workspaces, campaigns),
  };
}

function makeCampaign(
  random: Random,
  seq: number,
  workspaceSeq: number,
  name: string,
  status: CampaignStatus,
): SeedCampaign {
  const id = makeId(random, 'camp_');
  const steps = random.between(1, 7);
  let created: number;
  let end = SEED_NOW;
  if (status === 'completed') {
    created = SEED_NOW - random.between(300, 2 * 365) * DAY;
    end = created + random.between(30, 120) * DAY;
  } else if (status === 'paused') {
    created = SEED_NOW - random.between(60, 500) * DAY;
    end = SEED_NOW - random.between(3, 40) * DAY;
  } else if (status === 'draft') {
    created = SEED_NOW - random.between(1, 60) * DAY;
  } else {
    created = SEED_NOW - random.between(20, 700) * DAY;
  }
  created -= random.below(DAY);
  // One draft is brand new and still empty, like the documented example campaign with 0 contacts.
  const weight = name === 'Untitled Campaign' ? 0 : random.between(1, 10);
  return { seq, id, workspaceSeq, name, status, steps, created, end, weight };
}

type Company = {
  name: string;
  formalName: string;
  domain: string;
  industry: string;
  place: Place;
};

function makeCompanies(random: Random, count: number): Company[] {
  return Array.from({ length: count }, () => {
    const name = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_SUFFIXES)}`;
    const place = PLACES[random.weighted(PLACE_WEIGHTS)] ?? PLACES[0];
    if (!place) throw new Error('no places');
    const tld = random.pick(['com', 'com', 'com', 'io', 'co', 'net']);
    return {
      name,
      formalName: `${name}, ${place.legalSuffix}`,
      domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.${tld}`,
      industry: random.pick(INDUSTRIES),
      place,
    };
  });
}

function* generateContacts(
  seed: string,
  workspaces: readonly SeedWorkspace[],
  campaigns: readonly SeedCampaign[],
): Generator<SeedContact> {
  const random = createRandom(`${seed}/contacts`);
  const companies = makeCompanies(random, 600);
  for (const workspace of workspaces) {
    const plan = WORKSPACE_PLANS[workspace.seq - 1];
    if (!plan || workspace.contactCount === 0) continue;
    const own = campaigns.filter((campaign) => campaign.workspaceSeq === workspace.seq);
    const hostile = plan.hostile ? HOSTILE_CONTACTS.slice(0, workspace.contactCount) : [];
    const regular = workspace.contactCount - hostile.length;
    // Hostile records are spread evenly through the list rather than crowding its first page.
    const hostileAt = hostile.map((_, i) => Math.floor(((i + 1) * regular) / (hostile.length + 1)));
    const averageGap = HISTORY_SECONDS / workspace.contactCount;
    let created = SEED_NOW - random.below(2 * 3_600);
    let made = 0;
    let nextHostile = 0;
    while (made < regular || nextHostile < hostile.length) {
      const batch: SeedContact[] = [];
      const hostileOverride = nextHostile < hostile.length && (hostileAt[nextHostile] ?? 0) <= made;
      const size = hostileOverride ? 1 : Math.min(batchSize(random), regular - made);
      // A contact can only be in campaigns that were still running after it was uploaded.
      const eligible = own.filter((campaign) => campaign.weight > 0 && campaign.end > created + 3_600);
      for (let i = 0; i < size; i++) {
        const contact = makeContact(random, workspace, eligible, companies, created);
        if (hostileOverride) {
          const override = hostile[nextHostile];
          if (override) Object.assign(contact.fields, override);
          contact.hostile = true;
        }
        batch.push(contact);
      }
      if (hostileOverride) nextHostile++;
      else made += size;
      batch.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      yield* batch;
      created -= 1 + random.below(Math.ceil(2 * size * averageGap));
    }
  }
}

/** null or "" in the proportions real spreadsheet uploads show, otherwise the value. */
function blankOr(random: Random, present: number, value: () => string): string | null {
  const roll = random.below(100);
  if (roll < present) return value();
  return roll < present + (100 - present) / 2 ? '' : null;
}

function phoneOrBlank(random: Random, percent: number, place: Place): string | null {
  return blankOr(random, percent, () => fillPattern(random, place.phone));
}

function fillPattern(random: Random, pattern: string): string {
  let text = '';
  for (const char of pattern) {
    if (char === '#') text += String(random.below(10));
    else if (char === 'A') text += String.fromCharCode(65 + random.below(26));
    else text += char;
  }
  return text;
}

const slugs = new Map<string, string>();

/** Names come from a fixed vocabulary, so each slug is computed once. */
function asciiSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = slugOf(text);
    slugs.set(text, slug);
  }
  return slug;
}

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function makeEmail(random: Random, first: string, last: string, company: Company): string {
  if (random.below(1000) < 3) return '';
  const f = asciiSlug(first);
  const l = asciiSlug(last);
  const freeMail = random.chance(25);
  const domain = freeMail ? random.pick(FREE_MAIL_DOMAINS) : company.domain;
  const patterns = [`${f}.${l}`, `${f.charAt(0)}${l}`, f, `${f}_${l}`, `${f}${l.charAt(0)}`];
  let local = patterns[random.below(freeMail ? 4 : patterns.length)] ?? f;
  if (freeMail && random.chance(60)) local += String(random.between(1, 99));
  const email = `${local}@${domain}`;
  // Uploads keep whatever capitalisation the spreadsheet had; search must not care.
  if (random.chance(8)) {
    return email.replace(
      /(^|[._@])([a-z])/g,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );
  }
  return email;
}

function makeContact(
  random: Random,
  workspace: SeedWorkspace,
  eligible: readonly SeedCampaign[],
  companies: readonly Company[],
  created: number,
): SeedContact {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const middle = random.chance(35) ? random.pick(MIDDLE_NAMES) : null;
  const company = random.pick(companies);
  const place = random.chance(70) ? company.place : (PLACES[random.weighted(PLACE_WEIGHTS)] ?? company.place);
  const [title, occupation] = random.pick(TITLES);
  const handle = `${asciiSlug(first)}-${asciiSlug(last)}`;
  const nickname = NICKNAMES[first];
  const graduationYear = random.between(1980, 2024);

  const mailbox = random.pick(workspace.mailboxes);
  const memberships = makeMemberships(random, eligible, created, mailbox.email);
  const sent = memberships.some((membership) => membership.last_sent !== null);
  const lastEvent = Math.max(created, ...memberships.flatMap((membership) => eventTimes(membership)));
  const updated = created + random.below(lastEvent - created + 1);

  const fields: ContactFields = {
    active: sent ? 'locked' : 'unlocked',
    email: makeEmail(random, first, last, company),
    full_name: [first, middle, last].filter(Boolean).join(' '),
    first_name: first,
    middle_name: middle ?? (random.chance(50) ? '' : null),
    last_name: last,
    nickname: nickname && random.chance(40) ? nickname : random.chance(50) ? '' : null,
    title: blankOr(random, 92, () => title),
    mobile_phone: phoneOrBlank(random, 70, place),
    work_phone: phoneOrBlank(random, 60, place),
    home_phone: phoneOrBlank(random, 15, place),
    voip_phone: phoneOrBlank(random, 10, place),
    other_phone: phoneOrBlank(random, 5, place),
    lead_score: blankOr(random, 85, () => String(random.between(0, 100))),
    company_name: blankOr(random, 95, () => company.name),
    company_formal_name: blankOr(random, 70, () => company.formalName),
    company_industry: blankOr(random, 85, () => company.industry),
    address_1: blankOr(random, 80, () => `${random.between(1, 9999)} ${random.pick(STREETS)}`),
    address_2: blankOr(
      random,
      25,
      () => `${random.pick(['Suite', 'Floor', 'Unit'])} ${random.between(1, 900)}`,
    ),
    city: blankOr(random, 92, () => place.city),
    state: blankOr(random, 88, () => place.state),
    zip: place.zip === '' ? '' : blankOr(random, 85, () => fillPattern(random, place.zip)),
    country: blankOr(random, 95, () => place.country),
    region: blankOr(random, 70, () => place.region),
    timezone: blankOr(random, 90, () => place.timezone),
    gender: blankOr(random, 45, () => GENDERS[random.weighted([48, 48, 4])] ?? 'Female'),
    occupation: blankOr(random, 70, () => occupation),
    linkedin: blankOr(
      random,
      75,
      () => `https://www.linkedin.com/in/${handle}-${random.alphanumeric(6).toLowerCase()}`,
    ),
    twitter: blankOr(random, 30, () => `https://twitter.com/${handle.replace('-', '_')}`),
    stack_overflow: blankOr(
      random,
      occupation === 'Engineering' ? 40 : 3,
      () => `https://stackoverflow.com/users/${random.between(10_000, 9_999_999)}/${handle}`,
    ),
    website_1: blankOr(random, 80, () => `https://${company.domain}/`),
    website_2: blankOr(
      random,
      30,
      () => `https://${company.domain}/${random.pick(['about', 'about-us', 'team', 'careers'])}`,
    ),
    website_3: random.chance(5) ? `https://blog.${company.domain}/` : null,
    personal_note_1: blankOr(random, 40, () => random.pick(NOTES)),
    personal_note_2: blankOr(random, 15, () => random.pick(NOTES)),
    personal_note_3: blankOr(random, 5, () => random.pick(NOTES)),
    job_start_date: blankOr(random, 60, () => usDate(created - random.between(30, 12 * 365) * DAY)),
    school: blankOr(random, 50, () => random.pick(SCHOOLS)),
    graduation_date: blankOr(random, 45, () =>
      usDate(Date.UTC(graduationYear, random.between(4, 5), random.between(1, 28)) / 1000),
    ),
    degree: blankOr(random, 45, () => random.pick(DEGREES)),
    locked_mailbox: sent ? mailbox.email : null,
    locked_mailbox_id: sent ? mailbox.id : null,
    locked_mailbox_color: sent ? mailbox.color : null,
    created_at: created,
    last_updated: updated,
    last_activity: lastEvent,
  };
  return {
    workspaceSeq: workspace.seq,
    id: makeId(random, 'contact_'),
    created,
    source: random.chance(90) ? random.pick(CONTACT_SOURCES) : null,
    fields,
    custom: workspace.customFields.map((field) => customValue(random, field.label)),
    memberships,
    hostile: false,
  };
}

function customValue(random: Random, label: string): string | null {
  if (label === 'Imgur URL')
    return blankOr(random, 60, () => `https://i.imgur.com/${random.alphanumeric(7)}.png`);
  if (label === 'Lead Source') return blankOr(random, 80, () => random.pick(LEAD_SOURCES));
  return blankOr(random, 70, () => random.pick(PERSONAS));
}

function eventTimes(membership: EventTimes): number[] {
  return [
    membership.last_sent,
    membership.last_open,
    membership.last_click,
    membership.last_reply,
    membership.last_unsubscribe,
    membership.last_bounce,
  ].filter((time): time is number => time !== null);
}

function makeMemberships(
  random: Random,
  eligible: readonly SeedCampaign[],
  created: number,
  mailbox: string,
): SeedMembership[] {
  const wanted = Math.min(random.weighted(MEMBERSHIP_COUNT_WEIGHTS), eligible.length);
  const chosen: SeedCampaign[] = [];
  while (chosen.length < wanted) {
    const remaining = eligible.filter((campaign) => !chosen.includes(campaign));
    const campaign = remaining[random.weighted(remaining.map((c) => c.weight))];
    if (campaign) chosen.push(campaign);
  }
  chosen.sort((a, b) => a.seq - b.seq);
  return chosen.map((campaign) => makeMembership(random, campaign, created, mailbox));
}

/** A moment up to `maxDelay` after `time`, but not after `end`. */
function later(random: Random, time: number, maxDelay: number, end: number): number {
  return time + random.below(Math.min(maxDelay, end - time) + 1);
}

/** A stage in one campaign and event times that agree with it, all within the campaign's life. */
function makeMembership(
  random: Random,
  campaign: SeedCampaign,
  created: number,
  mailbox: string,
): SeedMembership {
  const weights = STAGE_WEIGHTS[campaign.status];
  const stage = STAGES[random.weighted(STAGES.map((s) => weights[s] ?? 0))] ?? 'Untouched';
  const end = campaign.end;
  const joined = Math.min(Math.max(created, campaign.created) + random.below(3 * DAY), end);
  const times: EventTimes = {
    last_sent: null,
    last_open: null,
    last_click: null,
    last_reply: null,
    last_unsubscribe: null,
    last_bounce: null,
  };
  if (stage === 'Reviewing' || stage === 'Untouched' || stage === 'Excluded') {
    return { campaignSeq: campaign.seq, stage, sendingMailbox: null, ...times };
  }
  const sent = later(random, joined, 14 * DAY, end);
  times.last_sent = sent;
  if (stage === 'Bad Contact Info') {
    times.last_bounce = later(random, sent, 3_600, end);
    return { campaignSeq: campaign.seq, stage, sendingMailbox: mailbox, ...times };
  }
  const replies =
    stage === 'Replied' || stage === 'Interested' || stage === 'Not Interested' || stage === 'Nurture';
  const openChance = replies ? 80 : stage === 'Do Not Contact' ? 60 : stage === 'Unresponsive' ? 55 : 45;
  let latest = sent;
  if (random.chance(openChance)) {
    times.last_open = later(random, sent, 5 * DAY, end);
    latest = times.last_open;
    if (random.chance(35)) {
      times.last_click = later(random, times.last_open, 2 * DAY, end);
      latest = times.last_click;
    }
  }
  if (replies) times.last_reply = later(random, latest, 7 * DAY, end);
  if (stage === 'Do Not Contact') {
    // Unsubscribed through the link, asked by reply not to be contacted, or both.
    const how = random.weighted([60, 25, 15]);
    if (how !== 1) times.last_unsubscribe = later(random, latest, 10 * DAY, end);
    if (how !== 0) times.last_reply = later(random, latest, 10 * DAY, end);
  }
  return { campaignSeq: campaign.seq, stage, sendingMailbox: mailbox, ...times };
}
