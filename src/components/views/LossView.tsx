// The loss view: every chosen loss against the margin h, the current pair on each curve. It re-renders only
// when a field of the pair curves changes (usePairCurveFields).
import { useCallback } from 'react';
import { lossFigure } from '../../figures/lossFigure.ts';
import { pairCurvesOf } from '../../derive/pairCurvesMemo.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { usePairCurveFields } from './usePairCurveFields.ts';
import { useCompareCurves, withCompareCaption } from './useCompare.ts';
import { overlayCompare, pairYRangesFrom } from '../../figures/compare.ts';

export function LossView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const all = useStrings();
  const strings = all.figures;
  const { curves: vs, trainingOnly } = useCompareCurves(fields);
  const figure = useCallback(() => {
    const opts = { theme, strings, preferenceProb: fields.preferenceProb };
    const main = lossFigure(pairCurvesOf(fields), { ...opts, beta: fields.beta });
    // The second run (vs=…), dashed over the first: same builder, same colours per loss.
    if (!vs) return main;
    const yFrom = pairYRangesFrom(fields.losses, vs.ids);
    return overlayCompare(main, lossFigure(vs.curves, { ...opts, beta: vs.beta }), vs.names, { yFrom });
  }, [fields, theme, strings, vs]);
  const base = all.views.sections.loss;
  const text = vs
    ? withCompareCaption(base, vs, all)
    : trainingOnly
      ? { ...base, caption: `${base.caption} ${all.compare.pairViewsSame(trainingOnly)}` }
      : undefined;
  return <ViewSection id="loss" text={text} figure={figure} zoomable />;
}
