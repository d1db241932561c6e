// "Your TRL log" is a chunk of its own (the panel, the log reader, its figure and strings' users): the
// page's initial script does not grow by it; it downloads when the header button is first pressed.
import { lazyPart } from '../lazyPart.tsx';

export const LazyTrlLogPanel = lazyPart<{ onClose: () => void }>(() =>
  import('./TrlLogPanel.tsx').then((m) => m.TrlLogPanel),
);
