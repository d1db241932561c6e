// The sweeps view: where training ends as β and as the reference probability of y_w change. The sweeps come from
// a worker; the plots show the last finished sweep (marked as updating while a newer one runs). Each caption
// states the convergence criterion and how many points did not converge and why (derive/sweeps.ts); the
// plots' text alternatives say the same.
import { useCallback, useMemo } from 'react';
import { sweepFigure } from '../../figures/sweepFigure.ts';
import type { SweepInput } from '../../derive/types.ts';
import { unfinishedPoints } from '../../derive/sweeps.ts';
import { CONVERGENCE_CRITERION } from '../../math/index.ts';
import type { FigureStrings, ResponseData, SweepAxis } from '../../i18n/types/figures.ts';
import { startsAtReference } from '../../derive/toy.ts';
import { refMoves } from '../../derive/mathParams.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { useSweeps } from '../workers/useSweeps.ts';
import { ViewSection } from './ViewSection.tsx';
import { useCompareChoice } from './useCompare.ts';
import { overlayCompare, sweepCompareMarker } from '../../figures/compare.ts';
import { compareStateOf } from '../../derive/compare.ts';
import { useViewStore } from '../storeContext.tsx';
import { sameValue } from '../../figures/framePatch.ts';
import { useToyFields } from './useToyRuns.ts';

const NONE: SweepInput[] = [];

/** The criterion and, once sweeps are in, how many points of each did not converge and why. */
function convergenceText(
  sweeps: readonly SweepInput[],
  axis: SweepAxis,
  figures: FigureStrings,
  data: ResponseData,
): string[] {
  const criterion = sweeps[0]?.criterion ?? CONVERGENCE_CRITERION;
  const stated = figures.sweep.criterion(criterion.gradientTolerance, criterion.stepTolerance);
  if (sweeps.length === 0) return axis === 'beta' ? [stated] : [];
  const unfinished = figures.sweep.unfinished(
    sweeps.map((w) => ({
      label: figures.lossLabel(w.id),
      total: w.x.length,
      unfinished: unfinishedPoints(w),
    })),
    axis,
    data,
  );
  return axis === 'beta' ? [stated, unfinished] : [unfinished];
}

export function SweepsView() {
  const fields = useToyFields();
  const { sweeps, stale } = useSweeps(fields);
  const theme = usePlotTheme();
  const strings = useStrings();
  const { views, figures } = strings;
  const data = useMemo<ResponseData>(
    () => ({ dataset: fields.dataset, rewards: fields.rewards }),
    [fields.dataset, fields.rewards],
  );
  const fromReference = startsAtReference(fields);
  // Sweeps train to convergence, which only a fixed reference has (math/toy/converge.ts ignores refSync).
  const movingRef = fields.losses.some((id) => refMoves(id, fields));
  // The second run (vs=…): its own sweeps, dashed over these; a compared β is a point of the β sweep (which
  // does not depend on β), so there it is marked instead.
  const vs = useCompareChoice(fields);
  const vsChoice = vs?.choice ?? null;
  const compare = useViewStore((st) => st.compare);
  const vsFields = useMemo(() => compareStateOf({ ...fields, compare }), [fields, compare]);
  const { sweeps: vsSweeps } = useSweeps(vsFields);
  // Until the first sweeps arrive their plots say they are being computed.
  const pending = sweeps === null;
  const betaSweeps = sweeps?.beta ?? NONE;
  const refSweeps = sweeps?.ref ?? NONE;
  const vsBeta = vsSweeps?.beta ?? null;
  const vsRef = vsSweeps?.ref ?? null;
  // The second run's sweeps are drawn only where they differ from these (a setting the sweeps ignore, such as
  // TR-DPO's sync or the learning rate, gives the same points), dotted and dash-dotted: solid and dashed are
  // already π(y_w) and π(y_l). A sweep over the compared setting itself marks its value instead.
  const vsBetaShown = vsChoice?.key !== 'beta' && vsBeta !== null && !sameValue(vsBeta, betaSweeps);
  const vsRefShown = vsRef !== null && !sameValue(vsRef, refSweeps);
  const betaFigure = useCallback(() => {
    const opts = { theme, strings: figures, axis: 'beta' as const, current: fields.beta, data, pending };
    const main = sweepFigure(betaSweeps, opts);
    if (!vs) return main;
    if (vsChoice?.key === 'beta') return sweepCompareMarker(main, vsChoice.value, theme, vs.names);
    return vsBetaShown && vsBeta
      ? overlayCompare(main, sweepFigure(vsBeta, opts), vs.names, { dashesTaken: true })
      : main;
  }, [betaSweeps, theme, figures, fields.beta, data, pending, vs, vsChoice, vsBeta, vsBetaShown]);
  const refFigure = useCallback(() => {
    const opts = {
      theme,
      strings: figures,
      axis: 'ref' as const,
      current: fields.refProbs[0],
      data,
      pending,
    };
    const main = sweepFigure(refSweeps, opts);
    if (!vs) return main;
    const both =
      vsRefShown && vsRef
        ? overlayCompare(main, sweepFigure(vsRef, opts), vs.names, { dashesTaken: true })
        : main;
    return vsChoice?.key === 'ref' ? sweepCompareMarker(both, vsChoice.value[0], theme, vs.names) : both;
  }, [refSweeps, theme, figures, fields.refProbs, data, pending, vs, vsChoice, vsRef, vsRefShown]);
  const C = strings.compare;
  const vsNote = (swept: boolean, shown: boolean, computed: boolean): string[] =>
    !vs
      ? []
      : [
          ...(swept ? [C.sweepMarker(vs.names.main, vs.names.other)] : []),
          ...(shown ? [C.statusDotted(vs.names.main, vs.names.other)] : []),
          // Both computed and the same: say so rather than draw one run over the other.
          ...(!swept && !shown && computed && !pending ? [C.sweepsSame(vs.names.other)] : []),
        ];
  const betaNote = vsNote(vsChoice?.key === 'beta', vsBetaShown, vsBeta !== null).join(' ');
  const refNote = vsNote(vsChoice?.key === 'ref', vsRefShown, vsRef !== null).join(' ');
  const betaCaption = useMemo(
    () =>
      views.sentences([
        views.sweepCaption(data),
        ...(movingRef ? [views.sweepFixedReference] : []),
        ...convergenceText(betaSweeps, 'beta', figures, data),
        ...(betaNote ? [betaNote] : []),
      ]),
    [views, figures, betaSweeps, data, betaNote, movingRef],
  );
  const refCaption = useMemo(
    () =>
      views.sentences([
        views.sweepRefCaption(data, fromReference),
        ...(movingRef ? [views.sweepFixedReference] : []),
        ...convergenceText(refSweeps, 'ref', figures, data),
        ...(refNote ? [refNote] : []),
      ]),
    [views, figures, refSweeps, data, fromReference, refNote, movingRef],
  );
  const status = (
    <p className="view-status" role="status" aria-live="polite">
      {stale ? views.sweepsUpdating : ''}
    </p>
  );
  return (
    <>
      <ViewSection
        id="sweeps"
        text={{
          title: views.headingPart(views.sections.sweeps.title, views.sweepBetaHeading),
          caption: betaCaption,
        }}
        figure={betaFigure}
        toolbar={status}
      />
      <ViewSection
        id="sweeps-ref"
        text={{ title: views.sweepRefHeading(data), caption: refCaption }}
        figure={refFigure}
      />
    </>
  );
}
