// The compared run (vs=<key>:<value>) for the views: its runs or curves and the names of both runs. The
// second run is derived (src/derive/compare.ts) behind memos of its own; here it is only looked up.
import { useDeferredValue, useMemo } from 'react';
import {
  affectsPairCurves,
  compareCurvesOf,
  compareOf,
  compareRunsOf,
  type CompareBase,
} from '../../derive/compare.ts';
import type { ToyFields } from '../../derive/toy.ts';
import type { PairCurveFields } from '../../derive/pairCurves.ts';
import type { LossCurveInput, TrainingRunInput } from '../../derive/types.ts';
import type { CompareNames } from '../../figures/compare.ts';
import type { ViewText } from '../../i18n/types/views.ts';
import type { LanguageTable } from '../../i18n/types/language.ts';
import type { CompareKey, LossId } from '../../state/appState.ts';
import type { CompareValue } from '../../state/compareChoice.ts';
import { stateFields } from '../../state/pickFields.ts';
import { useStoreFields } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';

/** What a compare choice is read against beyond the pair curves' fields. */
const COMPARE_EXTRA_FIELDS = stateFields('compare', 'responses', 'learningRate', 'features', 'optimizer');

export interface CompareView {
  key: CompareKey;
  names: CompareNames;
}

function namesOf(strings: LanguageTable, main: CompareValue, other: CompareValue): CompareNames {
  const c = strings.compare;
  return {
    main: c.side(main),
    other: c.side(other),
    traceName: c.traceName,
    summary: c.summary,
    // vs=loss: the main run's traces are named by their own losses (the first loss is not every loss).
    nameMain: other.key !== 'loss',
  };
}

/**
 * A view's caption with the two runs named (solid and dashed, or dotted where the view's own lines are
 * dashed: figures/compare.ts compareDash); for vs=loss, which losses are compared.
 */
export function withCompareCaption(
  text: ViewText,
  vs: CompareView,
  strings: LanguageTable,
  dashesTaken = false,
): ViewText {
  const { main, other } = vs.names;
  const c = strings.compare;
  const loss = vs.key === 'loss' ? ` ${c.lossNote(main, other)}` : '';
  const status = dashesTaken ? c.statusDotted(main, other) : c.status(main, other);
  return { ...text, caption: `${text.caption} ${status}${loss}` };
}

/** The second run's training for the toy views (training, metrics, plane, simplex), or null. */
export function useCompareRuns(
  fields: ToyFields,
): (CompareView & { runs: TrainingRunInput[]; refProbs: number[]; choice: CompareValue }) | null {
  const compare = useDeferredValue(useStoreFields(stateFields('compare')).compare);
  const strings = useStrings();
  return useMemo(() => {
    const c = compareOf({ ...fields, compare });
    if (c.status !== 'on') return null;
    return {
      key: c.choice.key,
      names: namesOf(strings, c.main, c.choice),
      runs: compareRunsOf(c.state).runs,
      refProbs: c.state.refProbs,
      choice: c.choice,
    };
  }, [fields, compare, strings]);
}

/**
 * The second run's loss and gradient curves, or null; also null when the compared setting does not change
 * them (learning rate, optimiser, features: `trainingOnly` then names the run, for a note).
 */
export function useCompareCurves(fields: PairCurveFields): {
  curves: (CompareView & { curves: LossCurveInput[]; beta: number; ids: LossId[] }) | null;
  trainingOnly: string | null;
} {
  const extra = useStoreFields(COMPARE_EXTRA_FIELDS);
  const strings = useStrings();
  return useMemo(() => {
    const base: CompareBase & PairCurveFields = { ...fields, ...extra };
    const c = compareOf(base);
    if (c.status !== 'on') return { curves: null, trainingOnly: null };
    if (!affectsPairCurves(base, c.state))
      return { curves: null, trainingOnly: strings.compare.side(c.choice) };
    return {
      curves: {
        key: c.choice.key,
        names: namesOf(strings, c.main, c.choice),
        curves: compareCurvesOf(c.state),
        beta: c.state.beta,
        ids: c.state.losses,
      },
      trainingOnly: null,
    };
  }, [fields, extra, strings]);
}
