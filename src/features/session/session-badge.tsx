import { queryOptions, useQuery } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import { SESSION_PATH, SIGN_OUT_PATH, readSessionAnswer } from '../../shared/contract';

/** Who is signed in; without an access gate nobody is, and the badge stays empty. */
export function sessionQuery() {
  return queryOptions({
    queryKey: ['session'],
    queryFn: async ({ signal }) => {
      const response = await fetch(SESSION_PATH, { signal, headers: { Accept: 'application/json' } });
      const parsed = readSessionAnswer(response.ok ? await response.json() : null);
      return parsed.ok ? parsed.value : { user: null, canSignOut: false };
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** In the header: the signed-in name and, for a sign-in session, a Sign out button. */
export function SessionBadge() {
  const session = useQuery(sessionQuery());
  const user = session.data?.user ?? null;
  if (user === null) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <p>
        Signed in as <strong className="font-semibold">{user}</strong>
      </p>
      {session.data?.canSignOut === true && (
        // A real form: sign-out is a POST the server checks the origin of, and works without script.
        <form method="post" action={SIGN_OUT_PATH}>
          <Button type="submit" variant="ghost">
            Sign out
          </Button>
        </form>
      )}
    </div>
  );
}
