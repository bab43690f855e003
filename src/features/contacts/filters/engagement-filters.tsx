import { ENGAGEMENT_FILTERS, ENGAGEMENT_LABELS, type EngagementFilter } from '../../../shared/contract';

const HINTS: Record<EngagementFilter, string> = {
  has_opened: 'Has opened an email (in the selected campaign, if any).',
  has_clicked: 'Has clicked a link in an email.',
  has_replied: 'Has replied to an email.',
  has_bounced: 'An email to them bounced.',
};

type EngagementFiltersProps = {
  values: Record<EngagementFilter, boolean>;
  disabled: boolean;
  onChange: (filter: EngagementFilter, on: boolean) => void;
};

export function EngagementFilters({ values, disabled, onChange }: EngagementFiltersProps) {
  return (
    <fieldset disabled={disabled} className="disabled:opacity-60">
      <legend className="mb-1 text-sm font-semibold">Engagement</legend>
      <div className="grid grid-cols-2 gap-1">
        {ENGAGEMENT_FILTERS.map((filter) => (
          <label
            key={filter}
            title={HINTS[filter]}
            className="flex cursor-pointer items-center gap-2 px-1.5 py-0.5 text-sm"
          >
            <input
              type="checkbox"
              checked={values[filter]}
              onChange={(event) => onChange(filter, event.target.checked)}
              className="accent-sky-700"
            />
            {ENGAGEMENT_LABELS[filter]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
