// View 6: for K = 3, every policy is a point of the triangle; training traces a path from the reference.
import { useCallback, useMemo } from 'react';
import { simplexFigure } from '../../figures/simplexFigure.ts';
import { toyRlhfOptimum } from '../../state/derive/toy.ts';
import { useLanguage, usePlotTheme } from '../environment.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns } from './useToyRuns.ts';

function foldToThree(p: readonly number[]): number[] {
  let rest = 0;
  for (let k = 2; k < p.length; k++) rest += p[k];
  return [p[0], p[1], rest];
}

export function SimplexView() {
  const fields = useToyFields();
  const { runs } = useToyRuns(fields);
  const theme = usePlotTheme();
  const lang = useLanguage();
  const optimum = useMemo(() => toyRlhfOptimum(fields), [fields]);
  // With K > 3 the third corner is every other response taken together: y_w, y_l and the rest.
  const K = fields.responses;
  const folded = useMemo(
    () => (K > 3 ? runs.map((r) => ({ ...r, probs: r.probs.map(foldToThree) })) : runs),
    [runs, K],
  );
  const figure = useCallback(
    () =>
      simplexFigure(folded, {
        theme,
        strings: lang.figures,
        reference: K > 3 ? foldToThree(fields.refProbs) : fields.refProbs,
        rlhfOptimum: optimum && K > 3 ? foldToThree(optimum) : optimum,
        thirdLabel: K > 3 ? lang.figures.responsesTogether(2, K - 1) : undefined,
      }),
    [folded, theme, lang, fields.refProbs, optimum, K],
  );
  const note =
    optimum === null
      ? lang.app.rlhfNote.none
      : lang.app.rlhfNote[fields.dataset === 'ranking' ? 'ranking' : 'pair'];
  return (
    <ViewSection
      id="simplex"
      strings={lang.app}
      figure={figure}
      height={420}
      toolbar={<p className="view-note">{note}</p>}
    />
  );
}
