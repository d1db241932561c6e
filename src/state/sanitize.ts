// Makes any patch to the state valid before it reaches the store, by the same rules (paramRules.ts) and the
// same parameter list as the link reader, so a slider, a number box and a link can never put the app into a
// state a link could not express.
import type { AppState } from './appState.ts';
import { PARAMS, RESPONSES_RANGE } from './urlParams.ts';
import {
  fitBool,
  fitEnum,
  fitLossList,
  fitMetricList,
  fitTermList,
  fitNumber,
  fitProbList,
  fitRewardList,
} from './paramRules.ts';
import { resizeRefProbs } from './refProbs.ts';
import { compareChoiceOf, compareTextOf, fitCompare } from './compareChoice.ts';
import { resizeRewards } from './rewards.ts';
import { CUSTOM_LESSON_ID, lessonStepCount } from './lessons/loaded.ts';
import { excludesZero, smoothingFor } from '../math/index.ts';

/** Returns `base` with `patch` applied, every field clamped or, when unusable, left as it was. */
export function applyPatch(base: Readonly<AppState>, patch: Partial<AppState>): AppState {
  // Arrays are shared with `base` unless patched, so selectors comparing them by identity (useShallow)
  // see no change where there was none. Nothing mutates them in place.
  const next: AppState = { ...base };
  const loose = patch as Partial<Record<keyof AppState, unknown>>;
  for (const param of PARAMS) {
    const v = loose[param.field];
    if (v === undefined) continue;
    switch (param.kind) {
      case 'number': {
        // A patch comes from code: a non-finite number there is a mistake, not a huge value.
        const f = typeof v === 'number' && Number.isFinite(v) ? fitNumber(param, v) : null;
        if (f) next[param.field] = f.value;
        break;
      }
      case 'enum':
      case 'z0': {
        const e = fitEnum(param, v);
        if (e !== null) (next[param.field] as string) = e;
        break;
      }
      case 'bool': {
        const b = fitBool(v);
        if (b !== null) next[param.field] = b;
        break;
      }
      case 'lossList': {
        const ok = Array.isArray(v) ? fitLossList(v).value : [];
        if (ok.length > 0) next.losses = ok;
        break;
      }
      case 'metricList': {
        // [] is a choice (automatic); a list with an unknown name is refused whole.
        if (!Array.isArray(v)) break;
        const f = fitMetricList(param, v);
        if (f.refused.length === 0) next.trainingMetrics = f.value;
        break;
      }
      case 'termList': {
        // A patch comes from code: a list with anything the rule refuses is refused whole.
        if (!Array.isArray(v)) break;
        const f = fitTermList(param, v);
        if (f.refused.length === 0) next.extraTerms = f.value;
        break;
      }
      case 'probList': {
        const f = Array.isArray(v) ? fitProbList(param, v) : null;
        if (f) next.refProbs = f.value;
        break;
      }
      case 'compare': {
        // '' clears it; otherwise the same rule as a link's `vs` (a value equal to the main run's is kept:
        // the control says there is nothing to compare, and a later change of the main run may differ again).
        if (v === '') next.compare = '';
        else {
          const f = fitCompare(v);
          if (f) next.compare = f.text;
        }
        break;
      }
      case 'rewardList': {
        const f = Array.isArray(v) && v.every((x) => Number.isFinite(x)) ? fitRewardList(param, v) : null;
        if (f) next[param.field] = f.value;
        break;
      }
    }
  }
  if (next.refProbs.length !== next.responses) {
    // A new K wins over an old list; a new list of another length sets K.
    if (patch.refProbs && patch.responses === undefined && next.refProbs.length <= RESPONSES_RANGE.max)
      next.responses = next.refProbs.length;
    else next.refProbs = resizeRefProbs(next.refProbs, next.responses);
  }
  if (next.rewards.length !== next.responses) next.rewards = resizeRewards(next.rewards, next.responses);
  if (next.startLogRatios.length !== next.responses)
    next.startLogRatios = resizeRewards(next.startLogRatios, next.responses);
  // The time cursor is a step of the run: at most `steps` (a shorter run pulls it back to its end).
  if (next.t > next.steps) next.t = next.steps;
  if (next.compare.startsWith('ref:')) {
    const c = compareChoiceOf(next);
    next.compare = c ? compareTextOf(c) : '';
  }
  // The instructor's lesson is the page's loaded one: with none loaded there is no lesson to be in.
  if (next.lesson === CUSTOM_LESSON_ID && lessonStepCount(next.lesson) === 0) next.lesson = '';
  // A lesson's step is one it has (from 1); without a lesson there is no step.
  next.lessonStep = next.lesson ? Math.min(next.lessonStep, lessonStepCount(next.lesson)) : 1;
  // EXO cannot take ε below its minimum: while it is chosen, the state's ε is the one it computes with.
  // The loss list's terms share ε with the losses shown (TRL has one label_smoothing).
  const needsEps = [...next.losses, ...next.extraTerms.map((t) => t.type)].find((id) =>
    excludesZero(id, 'labelSmoothing'),
  );
  if (needsEps) next.labelSmoothing = smoothingFor(needsEps, next.labelSmoothing);
  return next;
}
