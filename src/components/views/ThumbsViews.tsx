// The loss, gradient and plane views under thumbs-down data (one undesirable example on A and nothing else):
// what the toy is actually trained on, never a pair it does not have. Each KTO-style loss's dot is its own
// run at the time cursor (step 0 included: the run's z0 at that step is the reference point drawn).
import { useCallback, useMemo } from 'react';
import { compareStateOf } from '../../derive/compare.ts';
import { overlayCompare } from '../../figures/compare.ts';
import { useCompareRuns, withCompareCaption, type CompareView } from './useCompare.ts';
import { thumbsCurvesAt, type ThumbsCurves } from '../../derive/thumbsDown.ts';
import { thumbsGradientFigure, thumbsLossFigure, thumbsPlaneFigure } from '../../figures/thumbsFigure.ts';
import type { ViewText } from '../../i18n/types/views.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { useViewStore } from '../storeContext.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns, useTrainingPending } from './useToyRuns.ts';
import { noFigure } from './noFigure.ts';

/** Whether the data are a single thumbs-down (the views below replace the pair views then). */
export function useThumbsDown(): boolean {
  return useViewStore((st) => st.dataset === 'thumbs-down');
}

/** null while a heavy training of the runs is under way. */
function useThumbsCurves(): ThumbsCurves | null {
  const fields = useToyFields();
  const trained = useToyRuns(fields);
  const t = useViewStore((st) => st.t);
  return useMemo(() => (trained ? thumbsCurvesAt(fields, trained.runs, t) : null), [fields, trained, t]);
}

/**
 * The compared run (vs=…) on the same data: its own curves and dots at the cursor, or null; 'training'
 * while its heavy training is under way.
 */
function useThumbsCompare(): { curves: ThumbsCurves; view: CompareView } | null | 'training' {
  const fields = useToyFields();
  const vs = useCompareRuns(fields);
  const compare = useViewStore((st) => st.compare);
  const t = useViewStore((st) => st.t);
  return useMemo(() => {
    if (vs === 'training') return vs;
    if (!vs) return null;
    const state = compareStateOf({ ...fields, compare });
    if (!state || state.dataset !== 'thumbs-down') return null;
    return { curves: thumbsCurvesAt(state, vs.runs, t), view: vs };
  }, [vs, fields, compare, t]);
}

/** The section's text (the chosen pair losses that these data cannot train are named inside the plot). */
function useThumbsText(id: 'loss' | 'gradient' | 'plane', vs: CompareView | null = null): ViewText {
  const all = useStrings();
  const text = all.thumbs.sections[id];
  return vs ? withCompareCaption(text, vs, all) : text;
}

/** The loss or the gradient of the example against ρ_A: one builder, the compared run (vs=…) dashed over it. */
function ThumbsCurveView({ id, build }: { id: 'loss' | 'gradient'; build: typeof thumbsLossFigure }) {
  const input = useThumbsCurves();
  const vs = useThumbsCompare();
  const theme = usePlotTheme();
  const all = useStrings();
  const pendingNote = useTrainingPending(useToyFields());
  const figure = useCallback(() => {
    if (input === null || vs === 'training') return noFigure();
    const opts = { theme, figures: all.figures, strings: all.thumbs };
    const main = build(input, opts);
    // The second run, dashed over the first, its dots open.
    return vs ? overlayCompare(main, build(vs.curves, opts), vs.view.names) : main;
  }, [build, input, theme, all, vs]);
  const text = useThumbsText(id, vs === 'training' ? null : (vs?.view ?? null));
  const pending = input === null || vs === 'training' ? pendingNote : undefined;
  return <ViewSection id={id} text={text} figure={figure} zoomable={id === 'loss'} pending={pending} />;
}

export function ThumbsLossView() {
  return <ThumbsCurveView id="loss" build={thumbsLossFigure} />;
}

export function ThumbsGradientView() {
  return <ThumbsCurveView id="gradient" build={thumbsGradientFigure} />;
}

export function ThumbsPlaneView() {
  const theme = usePlotTheme();
  const all = useStrings();
  const figure = useCallback(() => thumbsPlaneFigure({ theme, strings: all.thumbs }), [theme, all]);
  return <ViewSection id="plane" text={useThumbsText('plane')} figure={figure} height={220} />;
}
