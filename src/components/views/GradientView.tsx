// The gradient view: how hard each loss pushes log π(y_w) up and log π(y_l) down against the margin h, each
// loss's dot at the time cursor. It re-renders when the pair curves' fields, the cursor or the runs change.
import { useCallback } from 'react';
import { gradientFigure } from '../../figures/gradientFigure.ts';
import { pairCurvesOf } from '../../derive/pairCurvesMemo.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { usePairCurveFields } from './usePairCurveFields.ts';
import { useCursorRuns } from './useCursorRuns.ts';
import { curvesAtStep } from '../../derive/atStep.ts';

export function GradientView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const strings = useStrings().figures;
  const { t, runs } = useCursorRuns();
  const figure = useCallback(
    () =>
      gradientFigure(curvesAtStep(pairCurvesOf(fields), fields, runs, t), {
        beta: fields.beta,
        theme,
        strings,
      }),
    [fields, theme, strings, runs, t],
  );
  return <ViewSection id="gradient" figure={figure} />;
}
