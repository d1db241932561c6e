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
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { useSweeps } from '../workers/useSweeps.ts';
import { ViewSection } from './ViewSection.tsx';
import { useCompareChoice } from './useCompare.ts';
import { sweepCompareMarker } from '../../figures/compare.ts';
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
  // The second run (vs=…): its β or π_ref(y_w) marked on the sweep of that setting; the sweeps themselves
  // are the main run's (another setting would need a second set of sweeps).
  const vs = useCompareChoice(fields);
  const vsChoice = vs?.choice ?? null;
  const betaSweeps = sweeps?.beta ?? NONE;
  const refSweeps = sweeps?.ref ?? NONE;
  const betaFigure = useCallback(() => {
    const main = sweepFigure(betaSweeps, {
      theme,
      strings: figures,
      axis: 'beta',
      current: fields.beta,
      data,
    });
    return vs && vsChoice?.key === 'beta' ? sweepCompareMarker(main, vsChoice.value, theme, vs.names) : main;
  }, [betaSweeps, theme, figures, fields.beta, data, vs, vsChoice]);
  const refFigure = useCallback(() => {
    const main = sweepFigure(refSweeps, {
      theme,
      strings: figures,
      axis: 'ref',
      current: fields.refProbs[0],
      data,
    });
    return vs && vsChoice?.key === 'ref'
      ? sweepCompareMarker(main, vsChoice.value[0], theme, vs.names)
      : main;
  }, [refSweeps, theme, figures, fields.refProbs, data, vs, vsChoice]);
  const vsNote = vs
    ? vsChoice?.key === 'beta' || vsChoice?.key === 'ref'
      ? strings.compare.status(vs.names.main, vs.names.other)
      : strings.compare.sweepsMainOnly(vs.names.main)
    : null;
  const betaCaption = useMemo(
    () =>
      views.sentences([
        views.sweepCaption(data),
        ...convergenceText(betaSweeps, 'beta', figures, data),
        ...(vsNote ? [vsNote] : []),
      ]),
    [views, figures, betaSweeps, data, vsNote],
  );
  const refCaption = useMemo(
    () =>
      views.sentences([
        views.sweepRefCaption(data, fromReference),
        ...convergenceText(refSweeps, 'ref', figures, data),
      ]),
    [views, figures, refSweeps, data, fromReference],
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
        text={{ title: `${views.sections.sweeps.title}: ${views.sweepBetaHeading}`, caption: betaCaption }}
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
