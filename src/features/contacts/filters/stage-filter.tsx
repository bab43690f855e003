import { STAGE_MEANINGS, STAGES, type Stage } from '../../../shared/contract';
import { STAGE_DOTS } from '../table/stage-badge';

type StageFilterProps = { value: Stage | null; disabled: boolean; onChange: (stage: Stage | null) => void };

const OPTIONS: ReadonlyArray<{ stage: Stage | null; label: string; meaning: string }> = [
  { stage: null, label: 'All stages', meaning: 'Contacts in any stage.' },
  ...STAGES.map((stage) => ({ stage, label: stage, meaning: STAGE_MEANINGS[stage] })),
];

/** Native radios: arrow keys, one tab stop and the accessible names come for free. */
export function StageFilter({ value, disabled, onChange }: StageFilterProps) {
  return (
    <fieldset role="radiogroup" disabled={disabled} className="flex flex-col gap-0.5 disabled:opacity-60">
      <legend className="mb-1 text-sm font-semibold">Stage</legend>
      {OPTIONS.map(({ stage, label, meaning }) => {
        const id = `stage-${stage ?? 'all'}`.replace(/\s+/g, '-');
        return (
          <div key={label} title={meaning}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-0.5 text-sm hover:bg-slate-100 has-[:checked]:bg-sky-50 has-[:checked]:font-medium dark:hover:bg-slate-800 dark:has-[:checked]:bg-sky-950">
              <input
                type="radio"
                name="stage"
                checked={value === stage}
                onChange={() => onChange(stage)}
                aria-describedby={`${id}-meaning`}
                className="accent-sky-700"
              />
              <span
                aria-hidden="true"
                className={`size-2.5 flex-none rounded-full ${stage ? STAGE_DOTS[stage] : 'bg-slate-300 dark:bg-slate-600'}`}
              />
              {label}
            </label>
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
