// The loss view: every chosen loss against the margin h, each loss's pair at the time cursor on its curve. It
// re-renders when a field of the pair curves, the cursor or the runs change (usePairCurveFields, useCursorRuns).
import { useCallback } from 'react';
import { lossFigure } from '../../figures/lossFigure.ts';
import { pairCurvesOf } from '../../derive/pairCurvesMemo.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { usePairCurveFields } from './usePairCurveFields.ts';
import { useCursorRuns } from './useCursorRuns.ts';
import { curvesAtStep } from '../../derive/atStep.ts';

export function LossView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const strings = useStrings().figures;
  // Each loss's dot at the time cursor, from its own run; the curves are memoised apart from t.
  const { t, runs } = useCursorRuns();
  const figure = useCallback(
    () =>
      lossFigure(curvesAtStep(pairCurvesOf(fields), fields, runs, t), {
        beta: fields.beta,
        theme,
        strings,
        preferenceProb: fields.preferenceProb,
      }),
    [fields, theme, strings, runs, t],
  );
  return <ViewSection id="loss" figure={figure} zoomable />;
}
