// View 6: for K = 3, every policy is a point of the triangle; training traces a path from the reference.
import { useCallback, useMemo } from 'react';
import { simplexFigure } from '../../figures/simplexFigure.ts';
import { toyRlhfOptimum } from '../../state/derive/toy.ts';
import { useLanguage, usePlotTheme } from '../environment.tsx';
import { ViewSection } from './ViewSection.tsx';
import { useToyFields, useToyRuns } from './useToyRuns.ts';

export function SimplexView() {
  const fields = useToyFields();
  const { runs } = useToyRuns(fields);
  const theme = usePlotTheme();
  const lang = useLanguage();
  const optimum = useMemo(() => toyRlhfOptimum(fields), [fields]);
  const figure = useCallback(
    () =>
      simplexFigure(runs, { theme, strings: lang.figures, reference: fields.refProbs, rlhfOptimum: optimum }),
    [runs, theme, lang, fields.refProbs, optimum],
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
