import { notifyManager, QueryClient } from '@tanstack/react-query';
import { queryRetry, queryRetryDelay } from '../features/contacts/api/queries';

// Query results reach React in the task that read the answer, not in a later timer task: a frame
// that runs between the two would paint nothing new and push the rows to the frame after.
notifyManager.setScheduler(queueMicrotask);

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
