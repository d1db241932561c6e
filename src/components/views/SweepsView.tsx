// The sweeps view: where training ends as β and as the reference probability of y_w change. The sweeps come from
// a worker; the plots show the last finished sweep (marked as updating while a newer one runs).
import { useCallback, useMemo } from 'react';
import { sweepFigure } from '../../figures/sweepFigure.ts';
import type { SweepInput } from '../../derive/types.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { useSweeps } from '../workers/useSweeps.ts';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields } from './useToyRuns.ts';
import { SweepDivergenceWarning } from './DivergenceWarning.tsx';
import { divergedSweeps } from '../../derive/divergence.ts';

const NONE: SweepInput[] = [];

export function SweepsView() {
  const fields = useToyFields();
  const { sweeps, stale } = useSweeps(fields);
  const theme = usePlotTheme();
  const { views, figures } = useStrings();
  const betaSweeps = sweeps?.beta ?? NONE;
  const refSweeps = sweeps?.ref ?? NONE;
  const betaFigure = useCallback(
    () => sweepFigure(betaSweeps, { theme, strings: figures, axis: 'beta', current: fields.beta }),
    [betaSweeps, theme, figures, fields.beta],
  );
  const refFigure = useCallback(
    () => sweepFigure(refSweeps, { theme, strings: figures, axis: 'ref', current: fields.refProbs[0] }),
    [refSweeps, theme, figures, fields.refProbs],
  );
  const betaDiverged = useMemo(() => divergedSweeps(betaSweeps), [betaSweeps]);
  const refDiverged = useMemo(() => divergedSweeps(refSweeps), [refSweeps]);
  // The shown sweeps may lag the controls while a newer one runs; the warning names the current learning
  // rate and optimiser, the settings a reader would change.
  const warning = { learningRate: fields.learningRate, optimizer: fields.optimizer };
  const status = (
    <>
      <p className="view-status" role="status" aria-live="polite">
        {stale ? views.sweepsUpdating : ''}
      </p>
      <SweepDivergenceWarning sweeps={betaDiverged} axis="beta" {...warning} />
    </>
  );
  return (
    <>
      <ViewSection
        id="sweeps"
        text={{
          title: `${views.sections.sweeps.title}: ${views.sweepBetaHeading}`,
          caption: views.sections.sweeps.caption,
        }}
        figure={betaFigure}
        toolbar={status}
      />
      <ViewSection
        id="sweeps-ref"
        text={{ title: views.sweepRefHeading, caption: views.sweepRefCaption }}
        figure={refFigure}
        toolbar={<SweepDivergenceWarning sweeps={refDiverged} axis="ref" {...warning} />}
      />
    </>
  );
}
