// The loss, gradient and plane views under thumbs-down data (one undesirable example on A and nothing else):
// what the toy is actually trained on, never a pair it does not have. Each KTO-style loss's dot is its own
// run at the time cursor (step 0 included: the run's z0 at that step is the reference point drawn).
import { useCallback, useMemo } from 'react';
import { thumbsCurvesAt, type ThumbsCurves } from '../../derive/thumbsDown.ts';
import { thumbsGradientFigure, thumbsLossFigure, thumbsPlaneFigure } from '../../figures/thumbsFigure.ts';
import type { ViewText } from '../../i18n/types/views.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { useStore } from '../storeContext.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns } from './useToyRuns.ts';

/** Whether the data are a single thumbs-down (the views below replace the pair views then). */
export function useThumbsDown(): boolean {
  return useStore((st) => st.dataset === 'thumbs-down');
}

function useThumbsCurves(): ThumbsCurves {
  const fields = useToyFields();
  const { runs } = useToyRuns(fields);
  const t = useStore((st) => st.t);
  return useMemo(() => thumbsCurvesAt(fields, runs, t), [fields, runs, t]);
}

/** The section's text (the chosen pair losses that these data cannot train are named inside the plot). */
function useThumbsText(id: 'loss' | 'gradient' | 'plane'): ViewText {
  return useStrings().thumbs.sections[id];
}

export function ThumbsLossView() {
  const input = useThumbsCurves();
  const theme = usePlotTheme();
  const all = useStrings();
  const figure = useCallback(
    () => thumbsLossFigure(input, { theme, figures: all.figures, strings: all.thumbs }),
    [input, theme, all],
  );
  return <ViewSection id="loss" text={useThumbsText('loss')} figure={figure} zoomable />;
}

export function ThumbsGradientView() {
  const input = useThumbsCurves();
  const theme = usePlotTheme();
  const all = useStrings();
  const figure = useCallback(
    () => thumbsGradientFigure(input, { theme, figures: all.figures, strings: all.thumbs }),
    [input, theme, all],
  );
  return <ViewSection id="gradient" text={useThumbsText('gradient')} figure={figure} />;
}

export function ThumbsPlaneView() {
  const theme = usePlotTheme();
  const all = useStrings();
  const figure = useCallback(() => thumbsPlaneFigure({ theme, strings: all.thumbs }), [theme, all]);
  return <ViewSection id="plane" text={useThumbsText('plane')} figure={figure} height={220} />;
}
