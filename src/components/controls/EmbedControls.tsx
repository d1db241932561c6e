// The controls an embedded view needs, and no more: the pair views get the pair, the toy views get the
// toy policy; all get the time cursor, the loss choice and β.
import type { ViewId } from '../../state/viewIds.ts';
import { useStrings } from '../strings.tsx';
import { LossPicker } from './LossPicker.tsx';
import { BetaSlider } from './BetaSlider.tsx';
import { LossSettings } from './LossSettings.tsx';
import { PairControls } from './PairControls.tsx';
import { ToyPolicyControls } from './ToyPolicyControls.tsx';
import { TimeCursor } from './TimeCursor.tsx';
import './controls.css';

const PAIR_VIEWS: readonly ViewId[] = ['loss', 'gradient'];

export function EmbedControls({ view }: { view: ViewId }) {
  const s = useStrings().controls;
  return (
    <aside className="controls-panel embed-controls" aria-label={s.panel.heading}>
      <TimeCursor />
      <LossPicker />
      <BetaSlider />
      <LossSettings />
      {PAIR_VIEWS.includes(view) ? <PairControls /> : <ToyPolicyControls />}
    </aside>
  );
}
