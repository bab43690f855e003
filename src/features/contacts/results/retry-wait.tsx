import { useEffect, useState } from 'react';
import { ApiError, describeRetryWait } from '../api/api-client';

/** "Mailstand asked us to slow down; retrying in 12 s." while a rate-limited request waits. */
export function RetryWait({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.retryAt === null) return null;
  // Keyed by the moment of the retry, so each wait counts down from its own start.
  return <RetryCountdown key={error.retryAt} error={error} />;
}

function RetryCountdown({ error }: { error: ApiError }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const text = describeRetryWait(error, now);
  return text === null ? null : (
    <p role="status" className="text-amber-800 dark:text-amber-300">
      {text}
    </p>
  );
}
