import { STAGE_MEANINGS, STAGES, type Stage } from '../../../shared/contract';
import { formatCount } from '../table/format';
import { STAGE_DOTS } from '../table/stage-badge';
import type { StageCount } from './stage-counts';

type StageFilterProps = {
  value: Stage | null;
  disabled: boolean;
  onChange: (stage: Stage | null) => void;
  /** Contacts per stage under the other filters; absent until a workspace is chosen. */
  counts?: ReadonlyMap<Stage, StageCount>;
};

function countText(count: StageCount | undefined): { shown: string; spoken: string } | null {
  if (count === undefined) return null;
  if (count === 'loading') return { shown: '…', spoken: 'Counting contacts.' };
  if (count === 'error') return { shown: '?', spoken: 'The count could not be loaded.' };
  return { shown: formatCount(count), spoken: `${formatCount(count)} contacts.` };
}

const OPTIONS: ReadonlyArray<{ stage: Stage | null; label: string; meaning: string }> = [
  { stage: null, label: 'All stages', meaning: 'Contacts in any stage.' },
  ...STAGES.map((stage) => ({ stage, label: stage, meaning: STAGE_MEANINGS[stage] })),
];

/** Native radios: arrow keys, one tab stop and the accessible names come for free. */
export function StageFilter({ value, disabled, onChange, counts }: StageFilterProps) {
  return (
    <fieldset role="radiogroup" disabled={disabled} className="flex flex-col gap-0.5 disabled:opacity-60">
      <legend className="mb-1 text-sm font-semibold">Stage</legend>
      {OPTIONS.map(({ stage, label, meaning }) => {
        const id = `stage-${stage ?? 'all'}`.replace(/\s+/g, '-');
        const count = stage === null ? null : countText(counts?.get(stage));
        return (
          <div key={label} title={meaning}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-0.5 text-sm hover:bg-slate-100 has-[:checked]:bg-sky-50 has-[:checked]:font-medium dark:hover:bg-slate-800 dark:has-[:checked]:bg-sky-950">
              <input
                type="radio"
                name="stage"
                checked={value === stage}
                onChange={() => onChange(stage)}
                aria-describedby={count ? `${id}-count ${id}-meaning` : `${id}-meaning`}
                className="accent-sky-700"
              />
              <span
                aria-hidden="true"
                className={`size-2.5 flex-none rounded-full ${stage ? STAGE_DOTS[stage] : 'bg-slate-300 dark:bg-slate-600'}`}
              />
              {label}
              {count && (
                // Beside the name but not part of it: the radio stays named by its stage alone.
                <span
                  aria-hidden="true"
                  className="ml-auto text-xs text-slate-600 tabular-nums dark:text-slate-400"
                >
                  {count.shown}
                </span>
              )}
            </label>
            {count && (
              <span id={`${id}-count`} hidden>
                {count.spoken}
              </span>
            )}
            {/* Outside the label, so the radio's name is the stage alone; hidden, so the meaning is
                read once, as the radio's description (aria-describedby reads hidden text). */}
            <span id={`${id}-meaning`} hidden>
              {meaning}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
