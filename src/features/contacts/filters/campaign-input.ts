/** The campaign input's look, the same while its picker loads and once it has. */
export const CAMPAIGN_INPUT_CLASS =
  'w-full rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-2.5 text-sm disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900';
