// The simplex view: for K = 3, every policy is a point of the triangle; training traces a path from the
// reference.
import { useCallback, useMemo } from 'react';
import { simplexFigure } from '../../figures/simplexFigure.ts';
import { simplexOf } from '../../derive/simplex.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns } from './useToyRuns.ts';
import { useStore } from '../storeContext.tsx';

export function SimplexView() {
  const fields = useToyFields();
  const { runs } = useToyRuns(fields);
  const theme = usePlotTheme();
  const { views, figures } = useStrings();
  const t = useStore((st) => st.t);
  const simplex = useMemo(() => simplexOf(fields, runs), [fields, runs]);
  const data = useMemo(
    () => ({ dataset: fields.dataset, rewards: fields.rewards }),
    [fields.dataset, fields.rewards],
  );
  const figure = useCallback(() => {
    const third = simplex.thirdCorner;
    return simplexFigure(simplex.runs, {
      theme,
      strings: figures,
      reference: simplex.reference,
      rlhfOptimum: simplex.rlhfOptimum,
      thirdLabel: third ? figures.responsesTogether(third.from, third.to, data) : undefined,
      data,
      step: t,
    });
  }, [simplex, theme, figures, data, t]);
  // The note says where DPO ends only as far as DPO, trained from this start, really ends there.
  const note =
    simplex.rlhfOptimum === null
      ? views.rlhfNote.none
      : views.rlhfNote[
          fields.dataset === 'ranking' ? 'ranking' : simplex.dpoEndsAtOptimum ? 'pair' : 'pairElsewhere'
        ];
  return (
    <ViewSection id="simplex" figure={figure} height={420} toolbar={<p className="view-note">{note}</p>} />
  );
}
