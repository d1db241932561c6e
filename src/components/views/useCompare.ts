// The compared run (vs=<key>:<value>) for the views: its runs or curves and the names of both runs. The
// second run is derived (src/derive/compare.ts) behind memos of its own; here it is only looked up.
import { useMemo } from 'react';
import { affectsPairCurves, compareCurvesOf, compareOf, type CompareBase } from '../../derive/compare.ts';
import type { ToyFields, ToyRuns } from '../../derive/toy.ts';
import type { PairCurveFields } from '../../derive/pairCurves.ts';
import type { LossCurveInput, TrainingRunInput } from '../../derive/types.ts';
import type { CompareNames } from '../../figures/compare.ts';
import type { ViewText } from '../../i18n/types/views.ts';
import type { LanguageTable } from '../../i18n/types/language.ts';
import type { CompareKey, LossId } from '../../state/appState.ts';
import type { CompareValue } from '../../state/compareChoice.ts';
import { stateFields } from '../../state/pickFields.ts';
import { useViewStoreFields } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import { useRunsOf, useToyRuns } from './useToyRuns.ts';

/** What a compare choice is read against beyond the pair curves' fields. */
const COMPARE_EXTRA_FIELDS = stateFields(
  'compare',
  'responses',
  'learningRate',
  'features',
  'optimizer',
  'sftWeight',
  'fDivergence',
  'refSyncSteps',
);

export interface CompareView {
  key: CompareKey;
  names: CompareNames;
}

function namesFor(strings: LanguageTable, key: CompareKey, main: string, other: string): CompareNames {
  const c = strings.compare;
  return {
    main,
    other,
    traceName: c.traceName,
    summary: c.summary,
    // vs=loss: the main run's traces are named by their own losses (the first loss is not every loss).
    nameMain: key !== 'loss',
  };
}

function namesOf(strings: LanguageTable, main: CompareValue, other: CompareValue): CompareNames {
  return namesFor(strings, other.key, strings.compare.side(main), strings.compare.side(other));
}

/**
 * A view's caption with the two runs named (solid and dashed, or dotted where the view's own lines are
 * dashed, or faint where every dash is taken: figures/compare.ts compareDash, CompareStyle); for vs=loss,
 * which losses are compared.
 */
export function withCompareCaption(
  text: ViewText,
  vs: CompareView,
  strings: LanguageTable,
  style: 'dashed' | 'dotted' | 'faded' | boolean = 'dashed',
): ViewText {
  const { main, other } = vs.names;
  const c = strings.compare;
  const loss = vs.key === 'loss' ? [c.lossNote(main, other)] : [];
  const how = style === true ? 'dotted' : style === false ? 'dashed' : style;
  const status =
    how === 'faded'
      ? c.statusFaded(main, other)
      : how === 'dotted'
        ? c.statusDotted(main, other)
        : c.status(main, other);
  // Joined as the language joins sentences (no space between Chinese ones).
  return { ...text, caption: strings.views.sentences([text.caption, status, ...loss]) };
}

/** The second run's training for the toy views, with both runs' names. */
export type CompareRuns = CompareView & {
  runs: TrainingRunInput[];
  refProbs: number[];
  choice: CompareValue;
};

/**
 * The second run's training for the toy views (training, metrics, plane, simplex): null without one,
 * 'training' while its heavy training runs in the background (useToyRuns.ts useRunsOf).
 */
export function useCompareRuns(fields: ToyFields): CompareRuns | null | 'training' {
  const compare = useViewStoreFields(stateFields('compare')).compare;
  const strings = useStrings();
  const c = useMemo(() => compareOf({ ...fields, compare }), [fields, compare]);
  const runs = useRunsOf('compare', c.status === 'on' ? c.state : null);
  return useMemo(() => {
    if (c.status !== 'on') return null;
    if (runs === null) return 'training';
    return {
      key: c.choice.key,
      names: namesOf(strings, c.main, c.choice),
      runs: runs.runs,
      refProbs: c.state.refProbs,
      choice: c.choice,
    };
  }, [c, runs, strings]);
}

/**
 * The second run's loss and gradient curves, or null; also null when the compared setting does not change
 * them (learning rate, optimiser, features: `trainingOnly` then names the run, for a note).
 */
export function useCompareCurves(fields: PairCurveFields): {
  curves:
    (CompareView & { curves: LossCurveInput[]; beta: number; ids: LossId[]; state: PairCurveFields }) | null;
  trainingOnly: string | null;
  /** With `trainingOnly`: both runs' names, for the second run's dots on the same curves. */
  trainingOnlyNames: CompareNames | null;
} {
  const extra = useViewStoreFields(COMPARE_EXTRA_FIELDS);
  const strings = useStrings();
  const c = useMemo(() => compareOf<CompareBase & PairCurveFields>({ ...fields, ...extra }), [fields, extra]);
  const on = c.status === 'on' ? c : null;
  const curves = on && affectsPairCurves(fields, on.state) ? compareCurvesOf(on.state) : null;
  // Kept the same object while nothing the loss and gradient views draw changed (a drag of the learning rate
  // under vs=beta must not redraw them): keyed on the curves (memoised) and the names.
  const side = (v: CompareValue | undefined) => (v ? strings.compare.side(v) : '');
  const mainSide = side(on?.main);
  const otherSide = side(on?.choice);
  const key = on?.choice.key ?? null;
  const beta = on?.state.beta ?? NaN;
  const ids = on ? on.state.losses.join(',') : '';
  // The second run's own state (its dots at the time cursor come from its runs): the same object while the
  // curves are (compareCurvesOf is memoised on exactly the fields the curves read).
  const state = on?.state ?? null;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stateOfCurves = useMemo(() => state, [curves]);
  return useMemo(() => {
    if (key === null || otherSide === '')
      return { curves: null, trainingOnly: null, trainingOnlyNames: null };
    const names = namesFor(strings, key, mainSide, otherSide);
    if (!curves || !stateOfCurves) return { curves: null, trainingOnly: otherSide, trainingOnlyNames: names };
    return {
      curves: { key, names, curves, beta, ids: ids.split(',') as LossId[], state: stateOfCurves },
      trainingOnly: null,
      trainingOnlyNames: null,
    };
  }, [key, curves, strings, mainSide, otherSide, beta, ids, stateOfCurves]);
}

/**
 * The compared choice and the runs' names without training anything (the sweeps mark the compared value
 * only): the same object while the choice and the names are the same.
 */
export function useCompareChoice(fields: ToyFields): (CompareView & { choice: CompareValue }) | null {
  const compare = useViewStoreFields(stateFields('compare')).compare;
  const strings = useStrings();
  const c = compareOf({ ...fields, compare });
  const on = c.status === 'on' ? c : null;
  const mainSide = on ? strings.compare.side(on.main) : '';
  const text = on ? compare : '';
  return useMemo(() => {
    const choice = text === '' ? null : compareOf({ ...fields, compare: text });
    if (!choice || choice.status !== 'on') return null;
    return {
      key: choice.choice.key,
      names: namesOf(strings, choice.main, choice.choice),
      choice: choice.choice,
    };
    // Keyed on the choice and the main run's name only: another field's drag keeps the same object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, mainSide, strings]);
}

/**
 * The main run's training and the compared one's (or null without a comparison), for a view that draws
 * both; null while either is a heavy training still under way (the view shows useTrainingPending's note).
 */
export function useToyViewRuns(fields: ToyFields): { runs: ToyRuns; vs: CompareRuns | null } | null {
  const runs = useToyRuns(fields);
  const vs = useCompareRuns(fields);
  return useMemo(() => (runs === null || vs === 'training' ? null : { runs, vs }), [runs, vs]);
}
