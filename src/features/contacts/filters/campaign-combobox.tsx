import { memo } from 'react';
import { FeatureBoundary, lazyFeature } from '../../../components/lazy-feature';
import { CAMPAIGN_INPUT_CLASS } from './campaign-input';

type CampaignComboboxProps = {
  workspace: string | null;
  value: string | null;
  onChange: (campaign: string | null) => void;
};

// Its own chunk, fetched beside the workspace's campaigns: the first rows need neither.
const picker = lazyFeature(() => import('./campaign-picker').then((module) => module.CampaignPicker));

/** The picker's place while there is nothing to pick from yet. */
const waitingInput = (
  <input
    id="campaign-combobox"
    role="combobox"
    aria-expanded={false}
    disabled
    placeholder="All campaigns"
    className={CAMPAIGN_INPUT_CLASS}
  />
);

export const CampaignCombobox = memo(function CampaignCombobox({
  workspace,
  value,
  onChange,
}: CampaignComboboxProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="campaign-combobox" className="text-sm font-semibold">
        Campaign
      </label>
      {workspace === null ? (
        waitingInput
      ) : (
        <FeatureBoundary what="the campaign picker" loading={waitingInput}>
          <picker.Component key={workspace} workspace={workspace} value={value} onChange={onChange} />
        </FeatureBoundary>
      )}
    </div>
  );
});
