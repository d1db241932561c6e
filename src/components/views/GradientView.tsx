// The gradient view: how hard each loss pushes log π(y_w) up and log π(y_l) down against the margin h, each
// loss's dot at the time cursor. It re-renders when the pair curves' fields, the cursor or the runs change.
import { gradientFigure } from '../../figures/gradientFigure.ts';
import { ThumbsGradientView, useThumbsDown } from './ThumbsViews.tsx';
import { PairCurveView } from './PairCurveView.tsx';

/** Under thumbs-down data there is no pair: the view shows what the data are instead (ThumbsViews.tsx). */
export function GradientView() {
  // y_l's push is already dashed here: a compared run is dotted (y_w) and dash-dotted (y_l).
  return useThumbsDown() ? (
    <ThumbsGradientView />
  ) : (
    <PairCurveView id="gradient" build={gradientFigure} dashesTaken />
  );
}
