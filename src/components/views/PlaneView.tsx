// View 5: one loss over the (ρw, ρl) plane with its toy training path on top.
import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { planeFigure } from '../../figures/planeFigure.ts';
import { computePlane } from '../../state/derive/plane.ts';
import type { LossId } from '../../math/index.ts';
import { useStore } from '../storeContext.tsx';
import { useLanguage, usePlotTheme } from '../environment.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns } from './useToyRuns.ts';

export function PlaneView() {
  const fields = useToyFields();
  const { runs } = useToyRuns(fields);
  const { policyChosen, policyRejected, refChosen, refRejected } = useStore(
    useShallow((s) => ({
      policyChosen: s.policyChosen,
      policyRejected: s.policyRejected,
      refChosen: s.refChosen,
      refRejected: s.refRejected,
    })),
  );
  const theme = usePlotTheme();
  const lang = useLanguage();
  const [picked, setPicked] = useState<LossId | null>(null);
  const id: LossId = picked && fields.losses.includes(picked) ? picked : fields.losses[0];
  const run = runs.find((r) => r.id === id);

  const grid = useMemo(
    () =>
      computePlane(
        id,
        {
          ...fields,
          policyChosen,
          policyRejected,
          refChosen,
          refRejected,
          chosenLength: 1,
          rejectedLength: 1,
        },
        run,
      ),
    [id, fields, run, policyChosen, policyRejected, refChosen, refRejected],
  );
  const figure = useCallback(
    () =>
      planeFigure(grid, runs, {
        theme,
        strings: lang.figures,
        current: { chosenLogRatio: policyChosen - refChosen, rejectedLogRatio: policyRejected - refRejected },
      }),
    [grid, runs, theme, lang, policyChosen, policyRejected, refChosen, refRejected],
  );
  const toolbar =
    fields.losses.length > 1 ? (
      <label className="view-toolbar">
        {lang.app.planeLossLabel}{' '}
        <select value={id} onChange={(e) => setPicked(e.currentTarget.value as LossId)}>
          {fields.losses.map((l) => (
            <option key={l} value={l}>
              {lang.figures.lossLabel(l)}
            </option>
          ))}
        </select>
      </label>
    ) : undefined;
  return <ViewSection id="plane" strings={lang.app} figure={figure} height={420} toolbar={toolbar} />;
}
