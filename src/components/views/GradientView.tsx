// The gradient view: how hard each loss pushes log π(y_w) up and log π(y_l) down against the margin h, each
// loss's dot at the time cursor. It re-renders when the pair curves' fields, the cursor or the runs change.
import { useCallback } from 'react';
import { gradientFigure } from '../../figures/gradientFigure.ts';
import { pairCurvesOf } from '../../derive/pairCurvesMemo.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { ThumbsGradientView, useThumbsDown } from './ThumbsViews.tsx';
import { usePairCurveFields } from './usePairCurveFields.ts';
import { useCompareCursorRuns, useCursorRuns } from './useCursorRuns.ts';
import { curvesAtStep } from '../../derive/atStep.ts';
import { useCompareCurves, withCompareCaption } from './useCompare.ts';
import { overlayCompare, overlayCompareDots, pairYRangesFrom } from '../../figures/compare.ts';

/** Under thumbs-down data there is no pair: the view shows what the data are instead (ThumbsViews.tsx). */
export function GradientView() {
  return useThumbsDown() ? <ThumbsGradientView /> : <PairGradientView />;
}

function PairGradientView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const all = useStrings();
  const strings = all.figures;
  const { t, runs } = useCursorRuns();
  const vsRuns = useCompareCursorRuns();
  const { curves: vs, trainingOnly, trainingOnlyNames } = useCompareCurves(fields);
  const figure = useCallback(() => {
    const main = gradientFigure(curvesAtStep(pairCurvesOf(fields), fields, runs, t), {
      beta: fields.beta,
      theme,
      strings,
    });
    // The second run (vs=…), dashed over the first: same builder, same colours per loss, its own dots at t.
    if (!vs) {
      // A second run that differs only in how it trains: the same curves, its own dots past step 0.
      if (!trainingOnlyNames || t === 0) return main;
      const dots = gradientFigure(curvesAtStep(pairCurvesOf(fields), fields, vsRuns, t), {
        beta: fields.beta,
        theme,
        strings,
      });
      return overlayCompareDots(main, dots, trainingOnlyNames);
    }
    const second = gradientFigure(curvesAtStep(vs.curves, vs.state, vsRuns, t), {
      beta: vs.beta,
      theme,
      strings,
    });
    return overlayCompare(main, second, vs.names, {
      dashesTaken: true,
      yFrom: pairYRangesFrom(fields.losses, vs.ids),
    });
  }, [fields, theme, strings, vs, runs, vsRuns, t, trainingOnlyNames]);
  const base = all.views.sections.gradient;
  const text = vs
    ? withCompareCaption(base, vs, all, true)
    : trainingOnly
      ? { ...base, caption: `${base.caption} ${all.compare.pairViewsSame(trainingOnly)}` }
      : undefined;
  return <ViewSection id="gradient" text={text} figure={figure} />;
}
