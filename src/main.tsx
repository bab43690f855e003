// First: the bookmarked view's page is asked for before the rest of the app is evaluated.
import { queryClient } from './app/early-page-request';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyStoredPreferences } from './features/preferences/use-preferences';
import './styles.css';

applyStoredPreferences();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render into.');

// As a transition, the first render yields to the browser every few milliseconds instead of
// holding the main thread for the whole shell.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
});
