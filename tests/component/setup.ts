// The app downloads each language table when first shown (src/components/strings.tsx), and some parts of the
// page when first needed (src/components/lazyPart.tsx), suspending until they have arrived. The components
// here render at once, as they do in the app once their code is in: both tables are loaded before any test
// file runs, and every lazy part its imports define before its first test.
import { beforeAll } from 'vitest';
import { loadLanguage } from '../../src/components/strings.tsx';
import { preloadLazyParts } from '../../src/components/lazyPart.tsx';

await Promise.all([loadLanguage('en'), loadLanguage('zh')]);

beforeAll(() => preloadLazyParts());
