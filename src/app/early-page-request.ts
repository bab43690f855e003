import { prefetchPageInAddress } from '../features/contacts/api/queries';
import { takeSharedLayoutFromUrl } from '../features/contacts/columns/shared-view-link';
import { createQueryClient } from './query-client';
import { screenOf } from './screen-of';

/**
 * The app's QueryClient, with a bookmarked view's page already asked for: its rows are the largest
 * answer. main.tsx imports this module before anything else, so the request leaves while the rest
 * of the app's code (React DOM, the screens) is still being evaluated.
 */
export const queryClient = createQueryClient();

// A shared view link's columns leave the address before the filters read it.
takeSharedLayoutFromUrl();
if (screenOf(window.location.pathname) === 'contacts')
  prefetchPageInAddress(queryClient, window.location.search);

// The rest of the app's code is evaluated in a task of its own once the request has left, rather
// than in one long task with this module.
await new Promise((resolve) => setTimeout(resolve, 0));
