// The gradient view: how hard each loss pushes log π(y_w) up and log π(y_l) down against the margin h. It
// re-renders only when a field of the pair curves changes (usePairCurveFields).
import { useCallback } from 'react';
import { gradientFigure } from '../../figures/gradientFigure.ts';
import { pairCurvesOf } from '../../derive/pairCurvesMemo.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { usePairCurveFields } from './usePairCurveFields.ts';

export function GradientView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const strings = useStrings().figures;
  const figure = useCallback(
    () => gradientFigure(pairCurvesOf(fields), { beta: fields.beta, theme, strings }),
    [fields, theme, strings],
  );
  return <ViewSection id="gradient" figure={figure} />;
}
