// The plane view: one loss over the (ρw, ρl) plane with its toy training path on top.
import { useCallback, useMemo } from 'react';
import { planeFigure } from '../../figures/planeFigure.ts';
import { planeLossId, planeOf } from '../../derive/plane.ts';
import type { LossId } from '../../math/index.ts';
import { useStore } from '../storeContext.tsx';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns } from './useToyRuns.ts';

export function PlaneView() {
  const fields = useToyFields();
  const { runs } = useToyRuns(fields);
  const theme = usePlotTheme();
  const { views, losses, figures } = useStrings();
  // The choice lives in the state (and so in a link); '' or a loss no longer shown: the first loss shown.
  const picked = useStore((st) => st.planeLoss);
  const t = useStore((st) => st.t);
  const update = useStore((st) => st.update);
  const id = planeLossId(fields.losses, picked === '' ? null : picked);
  const plane = useMemo(() => planeOf(id, fields, runs), [id, fields, runs]);
  const figure = useCallback(
    () => planeFigure(plane.grid, runs, { theme, strings: figures, current: plane.pairLogRatios, step: t }),
    [plane, runs, theme, figures, t],
  );
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
  return <ViewSection id="plane" figure={figure} height={420} toolbar={toolbar} />;
}
