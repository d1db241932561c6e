import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { useAppStore } from './state/store.ts';
import { startUrlSync } from './state/urlSync.ts';
// The Chinese faces, cut at build time to the characters the source uses (build/cjkFont.ts).
import '@cjk-font/faces.css';
import './styles/app.css';

// Read the link before the first render, so the page never flashes the defaults.
startUrlSync(useAppStore);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
