// An embed's scenario explanation (`explain=1`): the loaded scenario's text above the embedded view, about
// the state the view draws (the same facts as the preset menu's, so it never says what the plot does not
// show). Nothing when no scenario is loaded or the link did not ask for it.
import { Suspense } from 'react';
import { isScenarioId } from '../math/index.ts';
import { lazyPart } from './lazyPart.tsx';
import { useStore, useViewStore } from './storeContext.tsx';
import { useStrings } from './strings.tsx';

const LazyPresetExplanation = lazyPart(() =>
  import('./controls/PresetExplanation.tsx').then((m) => m.PresetExplanation),
);

export function EmbedExplanation() {
  const show = useStore((s) => s.showExplanation);
  const loaded = useViewStore((s) => s.preset);
  const text = useStrings().presets;
  if (!show || !isScenarioId(loaded)) return null;
  return (
    <p className="embed-explanation">
      <strong>{text[loaded].title}.</strong>{' '}
      <Suspense fallback={null}>
        <LazyPresetExplanation text={text} id={loaded} loaded={loaded} />
      </Suspense>
    </p>
  );
}
