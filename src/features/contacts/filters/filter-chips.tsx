import { Button } from '../../../components/ui/button';
import type { FilterChip } from '../params/filter-params';

type FilterChipsProps = { chips: FilterChip[]; onRemove: (chip: FilterChip) => void; onClear: () => void };

export function FilterChips({ chips, onRemove, onClear }: FilterChipsProps) {
  return (
    <section aria-label="Active filters" className="flex flex-col gap-2">
      {chips.length > 0 && (
        <ul className="flex flex-wrap gap-1.5">
          {chips.map((chip) => (
            <li key={chip.key}>
              <button
                type="button"
                aria-label={`Remove filter: ${chip.label}`}
                title={`Remove filter: ${chip.label}`}
                onClick={() => onRemove(chip)}
                className="inline-flex max-w-64 items-center gap-1 rounded-full bg-sky-100 py-0.5 pr-1.5 pl-2.5 text-xs font-medium text-sky-950 hover:bg-sky-200 dark:bg-sky-900/60 dark:text-sky-50 dark:hover:bg-sky-800"
              >
                <span className="truncate">{chip.label}</span>
                <span aria-hidden="true" className="text-sm leading-none">
                  ×
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Button disabled={chips.length === 0} onClick={onClear} className="self-start">
        Clear filters
      </Button>
    </section>
  );
}
