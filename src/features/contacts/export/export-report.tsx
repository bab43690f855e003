import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { formatCount } from '../table/format';
import { EXPORT_STATUS_FRAME, type ExportOutcome } from './export-state';
import { formatProgress, formatTimeLeft } from './export-plan';

type ExportReportProps = { state: ExportOutcome; onCancel: () => void; onDismiss: () => void };

/** Progress of a running export, and what became of the last one. */
export function ExportReport({ state, onCancel, onDismiss }: ExportReportProps) {
  if (state.phase === 'running') {
    const { progress } = state;
    const text = `${formatProgress(progress.fetched, progress.total)}, ${formatTimeLeft(progress.etaMs)}`;
    return (
      <div className={`${EXPORT_STATUS_FRAME} bg-sky-50 dark:bg-sky-950/40`}>
        <span className="font-medium">Exporting {state.fileName}</span>
        <progress
          aria-label="Exporting contacts"
          aria-valuetext={text}
          max={progress.total ?? 1}
          value={progress.total === null ? undefined : progress.fetched}
          className="h-2 w-48 accent-sky-700"
        />
        <span className="tabular-nums">{text}</span>
        {progress.waitingUntil !== null && <WaitNotice until={progress.waitingUntil} />}
        <Button onClick={onCancel}>Cancel export</Button>
      </div>
    );
  }

  if (state.phase === 'done') {
    return (
      <div role="status" className={`${EXPORT_STATUS_FRAME} bg-emerald-50 dark:bg-emerald-950/40`}>
        <span>
          Exported {formatCount(state.rows)} contacts {state.savedToFile ? 'to' : 'as'} {state.fileName}.
        </span>
        <Button variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
    );
  }

  return (
    <div role="alert" className={`${EXPORT_STATUS_FRAME} bg-amber-50 dark:bg-amber-950/40`}>
      <span className="min-w-0 break-words">{state.message}</span>
      {state.savedToFile && (
        <span>
          The {formatCount(state.rows)} contacts fetched are saved in {state.fileName}.
        </span>
      )}
      {state.downloadPartial && (
        <Button variant="primary" onClick={state.downloadPartial}>
          Download the {formatCount(state.rows)} contacts fetched
        </Button>
      )}
      <Button variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}

function WaitNotice({ until }: { until: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <span role="status" className="text-amber-800 dark:text-amber-300">
      {seconds > 0 ? `Mailstand asked us to slow down; continuing in ${seconds} s.` : 'Continuing…'}
    </span>
  );
}
