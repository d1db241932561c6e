// Views 1 and 2: the loss and the gradient against the margin. Both re-render only when a field of the
// pair curves changes (useShallow over exactly those fields).
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { lossFigure } from '../../figures/lossFigure.ts';
import { gradientFigure } from '../../figures/gradientFigure.ts';
import { pairCurvesOf, pickPairCurveFields } from '../../state/derive/pairCurvesMemo.ts';
import { useStore } from '../storeContext.tsx';
import { useLanguage, usePlotTheme } from '../environment.tsx';
import { ViewSection } from './ViewSection.tsx';

function usePairCurveFields() {
  return useStore(useShallow(pickPairCurveFields));
}

export function LossView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const lang = useLanguage();
  const figure = useCallback(
    () =>
      lossFigure(pairCurvesOf(fields), {
        beta: fields.beta,
        theme,
        strings: lang.figures,
        preferenceProb: fields.preferenceProb,
      }),
    [fields, theme, lang],
  );
  return <ViewSection id="loss" strings={lang.app} figure={figure} zoomable />;
}

export function GradientView() {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const lang = useLanguage();
  const figure = useCallback(
    () => gradientFigure(pairCurvesOf(fields), { beta: fields.beta, theme, strings: lang.figures }),
    [fields, theme, lang],
  );
  return <ViewSection id="gradient" strings={lang.app} figure={figure} />;
}
