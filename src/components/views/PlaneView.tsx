// The plane view: one loss over the (ρw, ρl) plane with its toy training path on top.
import { useCallback, useMemo, useState } from 'react';
import { planeFigure } from '../../figures/planeFigure.ts';
import { planeLossId, planeOf } from '../../derive/plane.ts';
import type { LossId } from '../../math/index.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns } from './useToyRuns.ts';

export function PlaneView() {
  const fields = useToyFields();
  const { runs } = useToyRuns(fields);
  const theme = usePlotTheme();
  const { views, losses, figures } = useStrings();
  const [picked, setPicked] = useState<LossId | null>(null);
  const id = planeLossId(fields.losses, picked);
  const plane = useMemo(() => planeOf(id, fields, runs), [id, fields, runs]);
  const figure = useCallback(
    () => planeFigure(plane.grid, runs, { theme, strings: figures, current: plane.pairLogRatios }),
    [plane, runs, theme, figures],
  );
  const toolbar =
    fields.losses.length > 1 ? (
      <label className="view-toolbar">
        {views.planeLossLabel}{' '}
        <select value={id} onChange={(e) => setPicked(e.currentTarget.value as LossId)}>
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
