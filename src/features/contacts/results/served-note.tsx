import { useEffect, useState } from 'react';
import type { Served } from '../api/api-client';
import { describeAnswerAge, describeBudgetWait } from '../api/served-words';

/** Beside the grid's title: whether the rows waited for the rate limit, and how old they are if cached. */
export function ServedNote({ served }: { served: Served }) {
  const waited = describeBudgetWait(served);
  return (
    <>
      {waited !== null && <p className="text-slate-600 dark:text-slate-400">{waited}</p>}
      {served.fromCache && <AnswerAge served={served} />}
    </>
  );
}

function AnswerAge({ served }: { served: Served }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <p className="text-slate-600 dark:text-slate-400">{describeAnswerAge(served, now)}</p>;
}
