import { STAGE_MEANINGS, STAGES, type Stage } from '../../../shared/contract';
import { formatCount } from '../table/format';
import { STAGE_DOTS } from '../table/stage-badge';
import { useStageCount, type StageCount, type StageCounting } from './stage-counts';

type StageFilterProps = {
  value: Stage | null;
  disabled: boolean;
  onChange: (stage: Stage | null) => void;
  /** Counts contacts per stage under the other filters; absent until a workspace is chosen. */
  counting?: StageCounting;
};

function countText(count: StageCount | undefined): { shown: string; spoken: string } | null {
  if (count === undefined) return null;
  if (count === 'loading') return { shown: '…', spoken: 'Counting contacts.' };
  if (count === 'error') return { shown: '?', spoken: 'The count could not be loaded.' };
  return { shown: formatCount(count), spoken: `${formatCount(count)} contacts.` };
}

/** One radio: a stage, or null for all of them. */
type StageOptionProps = {
  stage: Stage | null;
  checked: boolean;
  onChange: (stage: Stage | null) => void;
};

/** Native radios: arrow keys, one tab stop and the accessible names come for free. */
export function StageFilter({ value, disabled, onChange, counting }: StageFilterProps) {
  return (
    <fieldset role="radiogroup" disabled={disabled} className="flex flex-col gap-0.5 disabled:opacity-60">
      <legend className="mb-1 text-sm font-semibold">Stage</legend>
      <StageOption stage={null} checked={value === null} onChange={onChange} />
      {STAGES.map((stage) =>
        counting ? (
          <CountedStageOption
            key={stage}
            stage={stage}
            checked={value === stage}
            onChange={onChange}
            counting={counting}
          />
        ) : (
          <StageOption key={stage} stage={stage} checked={value === stage} onChange={onChange} />
        ),
      )}
    </fieldset>
  );
}

/** A stage's radio with its count: each row asks for its own, so counts show as they arrive. */
function CountedStageOption({
  counting,
  ...option
}: StageOptionProps & { stage: Stage; counting: StageCounting }) {
  return <StageOption {...option} count={useStageCount(counting, option.stage)} />;
}

function StageOption({ stage, checked, onChange, count }: StageOptionProps & { count?: StageCount }) {
  const label = stage ?? 'All stages';
  const meaning = stage ? STAGE_MEANINGS[stage] : 'Contacts in any stage.';
  const id = `stage-${stage ?? 'all'}`.replace(/\s+/g, '-');
  const counted = countText(count);
  return (
    <div title={meaning}>
      <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-0.5 text-sm hover:bg-slate-100 has-[:checked]:bg-sky-50 has-[:checked]:font-medium dark:hover:bg-slate-800 dark:has-[:checked]:bg-sky-950">
        <input
          type="radio"
          name="stage"
          checked={checked}
          onChange={() => onChange(stage)}
          aria-describedby={counted ? `${id}-count ${id}-meaning` : `${id}-meaning`}
          className="accent-sky-700"
        />
        <span
          aria-hidden="true"
          className={`size-2.5 flex-none rounded-full ${stage ? STAGE_DOTS[stage] : 'bg-slate-300 dark:bg-slate-600'}`}
        />
        {label}
        {counted && (
          // Beside the name but not part of it: the radio stays named by its stage alone.
          <span
            aria-hidden="true"
            className="ml-auto text-xs text-slate-600 tabular-nums dark:text-slate-400"
          >
            {counted.shown}
          </span>
        )}
      </label>
      {counted && (
        <span id={`${id}-count`} hidden>
          {counted.spoken}
        </span>
      )}
      {/* Outside the label, so the radio's name is the stage alone; hidden, so the meaning is
          read once, as the radio's description (aria-describedby reads hidden text). */}
      <span id={`${id}-meaning`} hidden>
        {meaning}
      </span>
    </div>
  );
}
