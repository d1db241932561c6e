// The loss view: every chosen loss against the margin h, each loss's dot at the time cursor on its curve. It
// re-renders only when a field of the pair curves, the cursor or the runs it indexes change.
import { useCallback } from 'react';
import { lossFigure } from '../../figures/lossFigure.ts';
import { pairCurvesOf } from '../../derive/pairCurvesMemo.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { ThumbsLossView, useThumbsDown } from './ThumbsViews.tsx';
import { usePairCurveFields } from './usePairCurveFields.ts';
import { useCompareCursorRuns, useCursorRuns } from './useCursorRuns.ts';
import { curvesAtStep } from '../../derive/atStep.ts';
import { useCompareCurves, withCompareCaption } from './useCompare.ts';
import { overlayCompare, overlayCompareDots, pairYRangesFrom } from '../../figures/compare.ts';

/** Under thumbs-down data there is no pair: the view shows what the data are instead (ThumbsViews.tsx). */
export function LossView() {
  return useThumbsDown() ? <ThumbsLossView /> : <PairLossView />;
}

function PairLossView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const all = useStrings();
  const strings = all.figures;
  // Each loss's dot at the time cursor, from its own run; the curves are memoised apart from t.
  const { t, runs } = useCursorRuns();
  const vsRuns = useCompareCursorRuns();
  const { curves: vs, trainingOnly, trainingOnlyNames } = useCompareCurves(fields);
  const figure = useCallback(() => {
    const opts = { theme, strings, preferenceProb: fields.preferenceProb };
    const main = lossFigure(curvesAtStep(pairCurvesOf(fields), fields, runs, t), {
      ...opts,
      beta: fields.beta,
    });
    // The second run (vs=…), dashed over the first: same builder, same colours per loss, its own dots at t.
    if (!vs) {
      // A second run that differs only in how it trains: the same curves, its own dots past step 0.
      if (!trainingOnlyNames || t === 0) return main;
      const dots = lossFigure(curvesAtStep(pairCurvesOf(fields), fields, vsRuns, t), {
        ...opts,
        beta: fields.beta,
      });
      return overlayCompareDots(main, dots, trainingOnlyNames);
    }
    const yFrom = pairYRangesFrom(fields.losses, vs.ids);
    const second = lossFigure(curvesAtStep(vs.curves, vs.state, vsRuns, t), { ...opts, beta: vs.beta });
    return overlayCompare(main, second, vs.names, { yFrom });
  }, [fields, theme, strings, vs, runs, vsRuns, t, trainingOnlyNames]);
  const base = all.views.sections.loss;
  const text = vs
    ? withCompareCaption(base, vs, all)
    : trainingOnly
      ? { ...base, caption: `${base.caption} ${all.compare.pairViewsSame(trainingOnly)}` }
      : undefined;
  return <ViewSection id="loss" text={text} figure={figure} zoomable />;
}
