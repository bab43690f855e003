import { isStage, STAGE_MEANINGS, type Stage } from '../../../shared/contract';

/** One colour per stage, so a column of stages can be read at a glance. */
export const STAGE_COLORS: Record<Stage, string> = {
  Reviewing: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  Untouched: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
  Prospecting: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  Replied: 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100',
  Unresponsive: 'bg-stone-200 text-stone-800 dark:bg-stone-700/60 dark:text-stone-100',
  'Do Not Contact': 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  'Bad Contact Info': 'bg-orange-100 text-orange-900 dark:bg-orange-900/50 dark:text-orange-100',
  Interested: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  'Not Interested': 'bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100',
  Nurture: 'bg-teal-100 text-teal-900 dark:bg-teal-900/50 dark:text-teal-100',
  Excluded: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-700/60 dark:text-zinc-200',
};

/** The same colours, saturated enough for a small dot beside a stage name. */
export const STAGE_DOTS: Record<Stage, string> = {
  Reviewing: 'bg-amber-500',
  Untouched: 'bg-slate-400',
  Prospecting: 'bg-sky-500',
  Replied: 'bg-violet-500',
  Unresponsive: 'bg-stone-500',
  'Do Not Contact': 'bg-red-600',
  'Bad Contact Info': 'bg-orange-500',
  Interested: 'bg-emerald-500',
  'Not Interested': 'bg-rose-500',
  Nurture: 'bg-teal-500',
  Excluded: 'bg-zinc-500',
};

const UNKNOWN_STAGE = 'bg-white text-slate-700 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-200';

/** What a stage means, for a hover title; a stage the app does not know is named as it is. */
export function stageTitle(stage: string): string {
  return isStage(stage) ? STAGE_MEANINGS[stage] : stage;
}

/** A stage as a coloured pill; a stage the app does not know is shown as plain text in a pill. */
export function stageBadge(stage: string, title?: string) {
  return (
    <span
      title={title}
      className={`inline-block max-w-full overflow-clip rounded-full text-ellipsis whitespace-nowrap px-2 align-middle text-xs leading-5 font-medium ${isStage(stage) ? STAGE_COLORS[stage] : UNKNOWN_STAGE}`}
    >
      {stage}
    </span>
  );
}
