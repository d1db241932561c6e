// The facts lesson 'kto' states (i18n/types/lessons/kto.ts), from the state on screen and its runs: A's one
// thumbs-down example as the thumbs-down loss view draws it (thumbsPointAt), z0 as the run used it (TRL's
// `kl` metric), the exact KL where the run ends (the compare table's runEndOf), and the scenario's own facts.
import type { KtoFacts } from '../../i18n/types/lessons/kto.ts';
import { KTO_WEIGHT_RATIO_RANGE } from '../../math/index.ts';
import { runEndOf } from '../compare.ts';
import { scenarioFacts } from '../scenarioFacts.ts';
import { thumbsPointAt } from '../thumbsDown.ts';
import type { LessonFactsInput } from './types.ts';

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

export function ktoFacts({ s, runs, trainCompared }: LessonFactsInput): KtoFacts {
  const run = runs.runs.find((r) => r.id === 'kto');
  const last = run ? run.probs.length - 1 : 0;
  const thumbs = s.dataset === 'thumbs-down' && run !== undefined;
  const point = (t: number) => (thumbs && run ? thumbsPointAt('kto', s, run, t) : null);
  const atT = point(s.t);
  const start = point(0);
  const end = point(last);
  const z0s = run?.metrics.kl ?? [];
  const rhos = run?.chosenLogRatio ?? [];
  const klEnd = run ? runEndOf(run, s.refProbs).kl : null;
  const ratio = s.undesirableWeight > 0 ? s.desirableWeight / s.undesirableWeight : null;
  const [lo, hi] = KTO_WEIGHT_RATIO_RANGE;
  const pair = s.dataset === 'pair' && run !== undefined;
  const prob = (k: number, t: number) => (pair && run ? run.probs[t][k] : null);
  const losses = run?.loss ?? [];
  return {
    t: s.t,
    steps: s.steps,
    atStartHolds: s.t === 0,
    beta: s.beta,
    lambdaD: s.desirableWeight,
    lambdaU: s.undesirableWeight,
    thumbsHolds: thumbs,
    rhoAtT: atT?.rho ?? null,
    z0AtT: atT?.z0 ?? null,
    lossAtT: atT?.loss ?? null,
    pushAtT: atT?.dLogp ?? null,
    lossStart: start?.loss ?? null,
    lossEnd: end?.loss ?? null,
    pushStart: start?.dLogp ?? null,
    pushEnd: end?.dLogp ?? null,
    halfAtStartHolds:
      start !== null && start.rho === 0 && start.z0 === 0 && near(start.loss, s.undesirableWeight / 2, 1e-12),
    saturatesHolds:
      thumbs &&
      end !== null &&
      start !== null &&
      losses.every((l, t) => t === 0 || l < losses[t - 1]) &&
      end.loss > 0 &&
      end.dLogp < start.dLogp,
    z0Mode: s.z0Mode,
    z0End: thumbs ? (z0s[last] ?? null) : null,
    rhoEnd: thumbs ? (rhos[last] ?? null) : null,
    klEnd: thumbs ? klEnd : null,
    clampedHolds:
      thumbs &&
      s.z0Mode === 'batch' &&
      z0s.length > 1 &&
      z0s.every((z) => z === 0) &&
      rhos.slice(1).every((r) => r < 0),
    exactKlHolds:
      thumbs && s.z0Mode === 'kl' && klEnd !== null && near(z0s[last] ?? NaN, klEnd, 1e-9) && klEnd > 0,
    ratio,
    ratioInRangeHolds: ratio !== null && ratio >= lo - 1e-9 && ratio <= hi + 1e-9,
    pairHolds: pair,
    chosenStart: prob(0, 0),
    chosenEnd: prob(0, last),
    rejectedStart: prob(1, 0),
    rejectedEnd: prob(1, last),
    thumbs: scenarioFacts('kto-undesirable-only', s, runs, trainCompared),
  };
}
