// The plane view: one loss over the (ρw, ρl) plane with its toy training path on top.
import { useCallback, useMemo } from 'react';
import { planeFigure } from '../../figures/planeFigure.ts';
import { planeFollowsStep, planeLossId, planeOf } from '../../derive/plane.ts';
import type { LossId } from '../../math/index.ts';
import { useStore, useViewStore } from '../storeContext.tsx';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { ToyRunsGate, type ToyViewBodyProps } from './ToyRunsGate.tsx';
import { ThumbsPlaneView, useThumbsDown } from './ThumbsViews.tsx';
import { withCompareCaption } from './useCompare.ts';
import { planeCompareTraces, withCompareTraces } from '../../figures/compare.ts';

/** Under thumbs-down data there is no pair: the view shows what the data are instead (ThumbsViews.tsx). */
export function PlaneView() {
  return useThumbsDown() ? <ThumbsPlaneView /> : <PairPlaneView />;
}

/** `compute`, run on the first call only. */
function once<T>(compute: () => T): () => T {
  let done: { value: T } | null = null;
  return () => (done ??= { value: compute() }).value;
}

function PairPlaneView() {
  return <ToyRunsGate id="plane" height={420} body={PairPlaneViewOf} />;
}

function PairPlaneViewOf({ fields, runs, vs }: ToyViewBodyProps) {
  const theme = usePlotTheme();
  const strings = useStrings();
  const { views, losses, figures } = strings;
  // The choice lives in the state (and so in a link); '' or a loss no longer shown: the first loss shown.
  const picked = useViewStore((st) => st.planeLoss);
  const t = useViewStore((st) => st.t);
  const update = useStore((st) => st.update);
  const id = planeLossId(fields.losses, picked === '' ? null : picked);
  // Computed when the figure is first built, not in the render: the contour grid is the costliest figure of
  // the page, and a plot off screen during a drag is not built (rangeHold.ts). Once per loss, state and runs.
  // A plane that reads a moving reference (TR-DPO with sft or an SFT term) is the cursor step's; any other
  // is the same at every step and is not rebuilt as the cursor moves.
  const planeStep = planeFollowsStep(id, fields, runs) ? t : 0;
  const planeOnce = useMemo(
    () => once(() => planeOf(id, fields, runs, planeStep)),
    [id, fields, runs, planeStep],
  );
  const figure = useCallback(() => {
    const plane = planeOnce();
    const opts = { theme, strings: figures, current: plane.pairLogRatios, step: t };
    const main = planeFigure(plane.grid, runs, opts);
    if (!vs) return main;
    // The second run's path over the same contours (vs=loss: the other loss's path, in its colour).
    const run = vs.key === 'loss' ? vs.runs[0] : vs.runs.find((r) => r.id === plane.grid.id);
    const traces = planeCompareTraces(
      run,
      theme,
      vs.names,
      figures.trace.trajectory,
      figures.lossLabel(run?.id ?? id),
      { step: t, strings: figures },
    );
    const other = run && run.id === plane.grid.id ? planeFigure(plane.grid, [run], opts).summary : '';
    return withCompareTraces(main, traces, vs.names, other);
  }, [planeOnce, runs, theme, figures, vs, id, t]);
  const toolbar =
    fields.losses.length > 1 ? (
      <label className="view-toolbar">
        {views.planeLossLabel}{' '}
        <select value={id} onChange={(e) => update({ planeLoss: e.currentTarget.value as LossId })}>
          {fields.losses.map((l) => (
            <option key={l} value={l}>
              {losses[l].label}
            </option>
          ))}
        </select>
      </label>
    ) : undefined;
  const text = vs ? withCompareCaption(views.sections.plane, vs, strings) : undefined;
  return <ViewSection id="plane" text={text} figure={figure} height={420} toolbar={toolbar} />;
}
