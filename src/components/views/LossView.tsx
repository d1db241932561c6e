// The loss view: every chosen loss against the margin h, the current pair on each curve. It re-renders only
// when a field of the pair curves changes (usePairCurveFields).
import { useCallback } from 'react';
import { lossFigure } from '../../figures/lossFigure.ts';
import { pairCurvesOf } from '../../derive/pairCurvesMemo.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { usePairCurveFields } from './usePairCurveFields.ts';

export function LossView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const strings = useStrings().figures;
  const figure = useCallback(
    () =>
      lossFigure(pairCurvesOf(fields), {
        beta: fields.beta,
        theme,
        strings,
        preferenceProb: fields.preferenceProb,
      }),
    [fields, theme, strings],
  );
  return <ViewSection id="loss" figure={figure} zoomable />;
}
