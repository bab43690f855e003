import type { ReactNode } from 'react';
import type { Campaign } from '../../../shared/contract';
import { madeOnFirstUse } from '../../../lib/made-on-first-use';
import { browserTimeZone } from '../table/format';
import { RetryWait } from './retry-wait';
import type { WorkspaceRef } from './workspace-ref';

const timeZone = madeOnFirstUse(browserTimeZone);

type ResultsHeaderProps = {
  workspace: WorkspaceRef;
  campaign: Campaign | null;
  campaignSelected: boolean;
  /** Why the page request is waiting to retry, if it is. */
  retryError: unknown;
  /** The sorting note and the toolbar. */
  children: ReactNode;
};

/** The bar above the grid: what is listed, in which time zone, and the tools for it. */
export function ResultsHeader({
  workspace,
  campaign,
  campaignSelected,
  retryError,
  children,
}: ResultsHeaderProps) {
  return (
    <div className="flex min-h-10 flex-none flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 px-4 py-1.5 text-sm dark:border-slate-800">
      <h2 className="font-semibold">
        {workspace.name ?? <span className="text-slate-500 dark:text-slate-400">Loading workspace…</span>}
        {campaign && (
          <span className="font-normal text-slate-600 dark:text-slate-400"> · {campaign.name}</span>
        )}
      </h2>
      {campaignSelected && (
        <p className="text-slate-600 dark:text-slate-400">
          Campaign times in <strong className="font-medium">{timeZone()}</strong> (this browser); hover a time
          for UTC.
        </p>
      )}
      <RetryWait error={retryError} />
      {children}
    </div>
  );
}
