// The loss and the gradient views share one body: curves of the chosen losses against the margin h, each
// loss's dot at the time cursor from its own run, and a compared run (vs=…) over them. Only the figure builder
// and two drawing choices differ.
import { useCallback } from 'react';
import type { Figure, HeldRanges, PlotTheme } from '../../figures/types.ts';
import type { FigureStrings } from '../../i18n/types/figures.ts';
import type { LossCurveInput } from '../../derive/types.ts';
import { pairCurvesCovering, pairCurvesOf } from '../../derive/pairCurvesMemo.ts';
import { curvesAtStep } from '../../derive/atStep.ts';
import { overlayCompare, overlayCompareDots, pairYRangesFrom } from '../../figures/compare.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { usePairCurveFields } from './usePairCurveFields.ts';
import { useCompareCursorRuns, useCursorRuns } from './useCursorRuns.ts';
import { useToyFields, useTrainingPending } from './useToyRuns.ts';
import { noFigure } from './noFigure.ts';
import { useCompareCurves, withCompareCaption } from './useCompare.ts';

export interface PairFigureOptions {
  beta: number;
  theme: PlotTheme;
  strings: FigureStrings;
  preferenceProb: number;
  /** The ranges a drag has shown so far (ViewSection): y kept by the builder, x by the curves' grid. */
  held?: HeldRanges;
}

export function PairCurveView({
  id,
  build,
  dashesTaken = false,
  zoomable = false,
}: {
  id: 'loss' | 'gradient';
  build: (curves: readonly LossCurveInput[], opts: PairFigureOptions) => Figure;
  /** The view's own lines already use dashes (the gradient's push on y_l): the second run is dotted. */
  dashesTaken?: boolean;
  zoomable?: boolean;
}) {
  const fields = usePairCurveFields();
  const theme = usePlotTheme();
  const all = useStrings();
  const strings = all.figures;
  // Each loss's dot at the time cursor, from its own run; the curves are memoised apart from t.
  const { t, runs } = useCursorRuns();
  const vsRuns = useCompareCursorRuns();
  const { curves: vs, trainingOnly, trainingOnlyNames } = useCompareCurves(fields);
  // Past step 0 the dots need the runs: while a heavy training of them is under way the view says so.
  const pendingNote = useTrainingPending(useToyFields());
  const pending = runs === null || vsRuns === null ? pendingNote : undefined;
  const figure = useCallback(
    (held?: HeldRanges) => {
      if (runs === null || vsRuns === null) return noFigure();
      const opts = { theme, strings, preferenceProb: fields.preferenceProb, beta: fields.beta };
      // During a drag the margin axis keeps the width shown so far (HeldRanges): the curves are drawn across it.
      const heldX = held?.xaxis;
      const curves = heldX
        ? pairCurvesCovering(fields, Math.max(Math.abs(heldX[0]), Math.abs(heldX[1])))
        : pairCurvesOf(fields);
      const main = build(curvesAtStep(curves, fields, runs, t), { ...opts, held });
      if (!vs) {
        // A second run that differs only in how it trains: the same curves, its own dots past step 0.
        if (!trainingOnlyNames || t === 0) return main;
        return overlayCompareDots(
          main,
          build(curvesAtStep(curves, fields, vsRuns, t), opts),
          trainingOnlyNames,
        );
      }
      // The second run, dashed over the first: same builder, same colours per loss, its own dots at t.
      const second = build(curvesAtStep(vs.curves, vs.state, vsRuns, t), { ...opts, beta: vs.beta });
      return overlayCompare(main, second, vs.names, {
        dashesTaken,
        yFrom: pairYRangesFrom(fields.losses, vs.ids),
      });
    },
    [build, dashesTaken, fields, theme, strings, vs, runs, vsRuns, t, trainingOnlyNames],
  );
  const base = all.views.sections[id];
  const text = vs
    ? withCompareCaption(base, vs, all, dashesTaken)
    : trainingOnly
      ? { ...base, caption: all.views.sentences([base.caption, all.compare.pairViewsSame(trainingOnly)]) }
      : undefined;
  return <ViewSection id={id} text={text} figure={figure} zoomable={zoomable} pending={pending} />;
}
