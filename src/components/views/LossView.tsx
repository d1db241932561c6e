// The loss view: every chosen loss against the margin h, each loss's dot at the time cursor on its curve. It
// re-renders only when a field of the pair curves, the cursor or the runs it indexes change.
import { lossFigure } from '../../figures/lossFigure.ts';
import { ThumbsLossView, useThumbsDown } from './ThumbsViews.tsx';
import { PairCurveView } from './PairCurveView.tsx';

/** Under thumbs-down data there is no pair: the view shows what the data are instead (ThumbsViews.tsx). */
export function LossView() {
  return useThumbsDown() ? <ThumbsLossView /> : <PairCurveView id="loss" build={lossFigure} zoomable />;
}
