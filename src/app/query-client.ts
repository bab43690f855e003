import { QueryClient } from '@tanstack/react-query';
import { queryRetry, queryRetryDelay } from '../features/contacts/api/queries';

/**
 * The app's QueryClient. Retries follow Mailstand's error labels (see queryRetry); no refetch on
 * window focus, because a page can be 2000 rows and switching tabs is not a reason to reload it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: queryRetry,
        retryDelay: queryRetryDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
}
