import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Campaign } from '../../../shared/contract';
import { describeApiError } from '../api/api-client';
import { campaignsQuery } from '../api/queries';
import { formatCount } from '../table/format';
import { filterCampaigns } from './campaign-options';
import { CAMPAIGN_INPUT_CLASS } from './campaign-input';

type PickerOption = { id: string | null; campaign: Campaign | null };

/**
 * The ARIA 1.2 combobox pattern: focus stays in the input, arrow keys move the active option
 * (aria-activedescendant), Enter picks it, Escape closes and restores the current choice.
 */
export function CampaignPicker({
  workspace,
  value,
  onChange,
}: {
  workspace: string;
  value: string | null;
  onChange: (campaign: string | null) => void;
}) {
  const campaigns = useQuery(campaignsQuery(workspace));
  const listId = useId();
  const [open, setOpen] = useState(false);
  /** What is typed; null while not typing, when the input shows the chosen campaign. */
  const [text, setText] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const selected = campaigns.data?.find((campaign) => campaign.id === value) ?? null;
  const options: PickerOption[] = [
    { id: null, campaign: null },
    ...filterCampaigns(campaigns.data ?? [], text ?? '').map((campaign) => ({ id: campaign.id, campaign })),
  ];
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    if (open)
      document.getElementById(`${listId}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, activeIndex, listId]);

  const close = () => {
    setOpen(false);
    setText(null);
  };
  const choose = (option: PickerOption) => {
    close();
    if (option.id !== value) onChange(option.id);
  };
  /** Opens the list with the current choice active, so Enter keeps it. */
  const openList = () => {
    if (open) return;
    setOpen(true);
    setActive(
      Math.max(
        0,
        options.findIndex((option) => option.id === value),
      ),
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        openList();
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.min(options.length - 1, Math.max(0, activeIndex + step)));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  const placeholder = campaigns.isPending ? 'Loading campaigns…' : 'All campaigns';
  const shownName = selected?.name ?? (value === null ? '' : value);
  return (
    <div className="relative">
      <input
        id="campaign-combobox"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        value={text ?? shownName}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(event.target.value.trim() === '' ? 0 : 1);
        }}
        onClick={openList}
        onBlur={close}
        onKeyDown={onKeyDown}
        className={CAMPAIGN_INPUT_CLASS}
      />
      <span aria-hidden="true" className="pointer-events-none absolute top-1.5 right-2.5 text-slate-500">
        ▾
      </span>
      <ul
        id={listId}
        role="listbox"
        aria-label="Campaigns"
        hidden={!open}
        // Keep focus in the input while an option is clicked.
        onMouseDown={(event) => event.preventDefault()}
        className="absolute inset-x-0 top-full z-30 mt-1 max-h-96 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((option, index) => (
          <li
            key={option.id ?? 'all'}
            id={optionId(index)}
            role="option"
            aria-selected={option.id === value}
            onClick={() => choose(option)}
            onMouseMove={() => setActive(index)}
            className={`cursor-pointer px-2.5 py-1.5 aria-selected:font-semibold ${index === activeIndex ? 'bg-sky-100 dark:bg-sky-900/60' : ''}`}
          >
            {option.campaign ? <CampaignOption campaign={option.campaign} /> : 'All campaigns'}
          </li>
        ))}
        {campaigns.isPending && <li className="px-2.5 py-1.5 text-slate-500">Loading campaigns…</li>}
        {campaigns.isSuccess && options.length === 1 && (
          <li className="px-2.5 py-1.5 text-slate-500">
            {campaigns.data.length === 0 ? 'This workspace has no campaigns.' : 'No campaign matches.'}
          </li>
        )}
      </ul>
      {campaigns.isError && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          Campaigns could not be loaded: {describeApiError(campaigns.error).message}{' '}
          <button type="button" className="underline" onClick={() => void campaigns.refetch()}>
            Retry
          </button>
        </p>
      )}
    </div>
  );
}

const STATUS_CLASSES: Record<string, string> = {
  live: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  draft: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
};

function CampaignOption({ campaign }: { campaign: Campaign }) {
  const status = campaign.status ?? '';
  return (
    <>
      <span className="block truncate" title={campaign.name}>
        {campaign.name}
      </span>
      <span className="flex items-center gap-2 text-xs font-normal text-slate-500 dark:text-slate-400">
        {status !== '' && (
          <span
            className={`rounded px-1.5 leading-5 font-medium ${STATUS_CLASSES[status] ?? 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100'}`}
          >
            {status}
          </span>
        )}
        {campaign.contacts !== undefined && (
          <span className="tabular-nums">
            {formatCount(campaign.contacts)} {campaign.contacts === 1 ? 'contact' : 'contacts'}
          </span>
        )}
      </span>
    </>
  );
}
