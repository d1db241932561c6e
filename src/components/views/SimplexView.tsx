// The simplex view: for K = 3, every policy is a point of the triangle; training traces a path from the
// reference.
import { useCallback, useMemo } from 'react';
import { fitSimplexLegend, simplexFigure } from '../../figures/simplexFigure.ts';
import { simplexOf } from '../../derive/simplex.ts';
import { usePlotTheme } from '../environment.tsx';
import { useStrings } from '../strings.tsx';
import { ViewSection } from './ViewSection.tsx';
import { ToyRunsGate, type ToyViewBodyProps } from './ToyRunsGate.tsx';
import { useViewStore } from '../storeContext.tsx';
import { withCompareCaption } from './useCompare.ts';
import { simplexCompareTraces, withCompareTraces } from '../../figures/compare.ts';

export function SimplexView() {
  return <ToyRunsGate id="simplex" height={420} body={SimplexViewOf} />;
}

function SimplexViewOf({ fields, runs, vs }: ToyViewBodyProps) {
  const theme = usePlotTheme();
  const t = useViewStore((st) => st.t);
  const strings = useStrings();
  const { views, figures } = strings;
  const simplex = useMemo(() => simplexOf(fields, runs), [fields, runs]);
  const data = useMemo(
    () => ({ dataset: fields.dataset, rewards: fields.rewards }),
    [fields.dataset, fields.rewards],
  );
  const figure = useCallback(() => {
    const third = simplex.thirdCorner;
    const opts = {
      theme,
      strings: figures,
      reference: simplex.reference,
      rlhfOptimum: simplex.rlhfOptimum,
      thirdLabel: third ? figures.responsesTogether(third.from, third.to, data) : undefined,
      data,
      step: t,
    };
    const main = simplexFigure(simplex.runs, opts);
    if (!vs || simplex.reference.length !== 3) return fitSimplexLegend(main);
    // The second run's paths (folded to three corners as the main runs are).
    const vsRuns = simplexOf(fields, vs.runs).runs;
    const traces = simplexCompareTraces(vsRuns, theme, vs.names, figures.lossLabel, {
      step: t,
      strings: figures,
    });
    return fitSimplexLegend(withCompareTraces(main, traces, vs.names, simplexFigure(vsRuns, opts).summary));
  }, [simplex, theme, figures, data, vs, fields, t]);
  // Under three responses there is no triangle, and so no ★ to speak of.
  const note =
    simplex.reference.length < 3
      ? null
      : simplex.movingReference
        ? views.rlhfNote.movingReference
        : simplex.rlhfOptimum === null
          ? views.rlhfNote.none
          : views.rlhfNote[
              fields.dataset === 'ranking' ? 'ranking' : simplex.dpoEndsAtOptimum ? 'pair' : 'pairElsewhere'
            ];
  return (
    <ViewSection
      id="simplex"
      text={vs ? withCompareCaption(views.sections.simplex, vs, strings) : undefined}
      figure={figure}
      height={420}
      toolbar={note === null ? undefined : <p className="view-note">{note}</p>}
    />
  );
}
