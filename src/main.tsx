import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { screenOf } from './app/screens';
import { prefetchPageInAddress } from './features/contacts/api/queries';
import { takeSharedLayoutFromUrl } from './features/contacts/columns/shared-view-link';
import { applyStoredPreferences } from './features/preferences/use-preferences';
import './styles.css';

// A shared view link's columns leave the address before the filters read it.
takeSharedLayoutFromUrl();
applyStoredPreferences();
const queryClient = createQueryClient();
// A bookmarked view's rows are the largest answer: they leave now, while React starts.
if (screenOf(window.location.pathname) === 'contacts')
  prefetchPageInAddress(queryClient, window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render into.');

createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
