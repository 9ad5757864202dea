import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/surfaces.css';
import { App } from './app';
import { failStartup } from './features/app/app-store';
import { initSession } from './features/app/session';

document.documentElement.dataset.appState = 'loading';
try {
  initSession();
} catch (thrown) {
  failStartup(thrown);
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
