// First, before React: reads the link and starts the first screen's downloads (components/boot.ts).
import { firstScreen } from './components/boot.ts';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
// The Chinese faces, cut at build time to the characters the source uses (build/cjkFont.ts).
import '@cjk-font/faces.css';
import './styles/app.css';

// The first render waits for the first screen's downloads rather than suspending: React holds back content
// that resolves after a Suspense fallback has shown (up to 300 ms, so that parts do not pop in one by one),
// which would delay the controls and the numbers. Whatever failed to arrive suspends and asks again.
const root = document.getElementById('root');
if (root)
  void firstScreen.then(() =>
    createRoot(root).render(
      <StrictMode>
        {/* Nothing until the page's language table has arrived (components/strings.tsx). */}
        <Suspense fallback={null}>
          <App />
        </Suspense>
      </StrictMode>,
    ),
  );
