import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import './index.css';
import { loadInitialLanguage } from './i18n';
import { App } from './app/app';

// The login page loads only what it shows: the pages after login, their
// libraries (dates, notifications) and the other language load on demand.
const root = document.getElementById('root');
function render(element: HTMLElement): void {
  createRoot(element).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
if (root) void loadInitialLanguage().then(() => render(root));
