import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorPanel } from '../../../components/ui/error-panel';
import {
  CAMPAIGN_TIMESTAMP_FIELDS,
  type Campaign,
  type ContactDetail,
  type Timestamp,
} from '../../../shared/contract';
import { describeApiError } from '../api/api-client';
import { allFieldsQuery, campaignsQuery, contactQuery } from '../api/queries';
import { timestampCell, unreadableCell } from '../table/cells';
import { stageBadge, stageTitle } from '../table/stage-badge';
import { CopyButton } from './copy-button';
import { DetailPanelFrame, DetailSkeleton } from './detail-panel-frame';
import { contactDetailGroups, mailtoHref, type DetailField, type DetailValue } from './detail-fields';
import { formatLocalTime } from '../table/local-time';

type ContactDetailPanelProps = { contactId: string; workspace: string; onClose: () => void };

/** The local time shown is refreshed this often; it reads to the minute. */
const CLOCK_TICK_MS = 30_000;

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function contactDisplayName(contact: ContactDetail): string {
  const parts = [contact.first_name, contact.last_name].filter((part) => part?.trim());
  return contact.full_name?.trim() || parts.join(' ') || contact.email?.trim() || contact.id;
}

/** A contact's whole record beside the table, in the panel's frame. */
export function ContactDetailPanel({ contactId, workspace, onClose }: ContactDetailPanelProps) {
  const contact = useQuery(contactQuery(contactId));
  const title = contact.data
    ? contactDisplayName(contact.data)
    : contact.isError
      ? 'Contact'
      : 'Loading contact…';

  return (
    <DetailPanelFrame title={title} contactId={contactId} onClose={onClose}>
      {contact.isPending && <DetailSkeleton />}
      {contact.isError && (
        <ErrorPanel {...describeApiError(contact.error)} onRetry={() => void contact.refetch()} />
      )}
      {contact.data && <ContactRecord contact={contact.data} workspace={workspace} />}
    </DetailPanelFrame>
  );
}

function ContactRecord({ contact, workspace }: { contact: ContactDetail; workspace: string }) {
  const fields = useQuery(allFieldsQuery(workspace));
  const now = useNow();
  const local = formatLocalTime(contact.timezone, now);
  const email = mailtoHref(contact.email) === null ? null : contact.email?.trim();
  const groups = contactDetailGroups(contact, fields.data ?? []);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {contact.stage && stageBadge(contact.stage, stageTitle(contact.stage))}
        {local && (
          <span>
            Local time: <span className="font-medium tabular-nums">{local.text}</span>
            {!local.workingHours && (
              <span className="text-slate-500 dark:text-slate-400"> (outside working hours)</span>
            )}
          </span>
        )}
        {email && <CopyButton text={email} label="Copy email" />}
      </div>
      {fields.isError && (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          Custom field names could not be loaded ({describeApiError(fields.error).message}); they show by
          code.
        </p>
      )}
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3 className="mb-1 text-sm font-semibold text-slate-600 dark:text-slate-300">{group.title}</h3>
          <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-1 text-sm">
            {group.fields.map((field) => (
              <FieldRow key={field.code} field={field} />
            ))}
            {group.title === 'Address' && (
              <>
                <dt className="text-slate-500 dark:text-slate-400">Local time</dt>
                <dd className="min-w-0 break-words">
                  {local ? local.text : contact.timezone?.trim() ? 'Unknown time zone' : '—'}
                </dd>
              </>
            )}
          </dl>
        </section>
      ))}
      <CampaignList contact={contact} workspace={workspace} />
    </div>
  );
}

function FieldRow({ field }: { field: DetailField }) {
  return (
    <>
      <dt className="text-slate-500 dark:text-slate-400">{field.label}</dt>
      <dd className="min-w-0 break-words whitespace-pre-wrap">
        <FieldValue value={field.value} />
      </dd>
    </>
  );
}

const LINK_CLASS = 'text-sky-700 underline underline-offset-2 dark:text-sky-400';

function FieldValue({ value }: { value: DetailValue }) {
  switch (value.kind) {
    case 'empty':
      return <span className="text-slate-400 dark:text-slate-600">—</span>;
    case 'text':
      return value.text;
    case 'unreadable':
      return <span title={unreadableCell.title(value.text)}>{unreadableCell.content(value.text)}</span>;
    case 'link':
      return (
        <a href={value.href} target="_blank" rel="noopener noreferrer" className={LINK_CLASS}>
          {value.text}
        </a>
      );
    case 'phone':
    case 'email':
      return (
        <a href={value.href} className={LINK_CLASS}>
          {value.text}
        </a>
      );
  }
}

function CampaignList({ contact, workspace }: { contact: ContactDetail; workspace: string }) {
  const campaigns = useQuery(campaignsQuery(workspace));
  const names = new Map((campaigns.data ?? []).map((campaign: Campaign) => [campaign.id, campaign.name]));
  return (
    <section aria-label="Campaigns">
      <h3 className="mb-1 text-sm font-semibold text-slate-600 dark:text-slate-300">
        Campaigns ({contact.campaigns.length})
      </h3>
      {contact.campaigns.length === 0 && <p className="text-sm">Not in any campaign.</p>}
      <ul className="flex flex-col gap-3">
        {contact.campaigns.map((membership, index) => (
          <li
            // Uploaded data may list a campaign twice; the index keeps React's keys unique.
            key={`${membership.campaign}-${index}`}
            className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
          >
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium break-words">
                {names.get(membership.campaign) ??
                  (campaigns.isPending ? 'Loading campaign name…' : membership.campaign)}
              </span>
              {membership.stage_name && stageBadge(membership.stage_name, stageTitle(membership.stage_name))}
            </div>
            <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-1">
              {CAMPAIGN_TIMESTAMP_FIELDS.map((field) => (
                <div key={field.code} className="contents">
                  <dt className="text-slate-500 dark:text-slate-400">{field.label}</dt>
                  <TimestampValue seconds={membership[field.code]} />
                </div>
              ))}
              {membership.sending_mailbox && (
                <>
                  <dt className="text-slate-500 dark:text-slate-400">Sending mailbox</dt>
                  <dd className="break-words">{membership.sending_mailbox}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TimestampValue({ seconds }: { seconds: Timestamp }) {
  return (
    <dd title={timestampCell.title(seconds)} className="tabular-nums">
      {timestampCell.content(seconds)}
    </dd>
  );
}
