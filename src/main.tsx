import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { takeSharedLayoutFromUrl } from './features/contacts/columns/shared-view-link';
import { applyStoredPreferences } from './features/preferences/use-preferences';
import './styles.css';

// A shared view link's columns leave the address before the filters read it.
takeSharedLayoutFromUrl();
applyStoredPreferences();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render into.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
