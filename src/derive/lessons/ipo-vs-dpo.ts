// The facts lesson 'ipo-vs-dpo' states (i18n/types/lessons/ipo-vs-dpo.ts), from the state on screen and its
// runs: the D₁ and noisy-pair facts are the scenarios' (scenarioFacts), for the state and for the compared
// run (vs=beta:…) the views draw dashed, so the lesson's numbers are the presets' and the plots'.
import type { IpoVsDpoFacts } from '../../i18n/types/lessons/ipo-vs-dpo.ts';
import { compareOf } from '../compare.ts';
import { scenarioFacts } from '../scenarioFacts.ts';
import type { LessonFactsInput } from './types.ts';

export function ipoVsDpoFacts({ s, runs, trainCompared }: LessonFactsInput): IpoVsDpoFacts {
  const at = (id: string): number[] | null => {
    const run = runs.runs.find((r) => r.id === id);
    const row = run?.probs[Math.min(s.t, run.probs.length - 1)];
    return row ? [...row] : null;
  };
  const ipoAtT = at('ipo');
  const dpoAtT = at('sigmoid');
  const c = compareOf(s);
  const vs = c.status === 'on' && c.choice.key === 'beta' ? c.state : null;
  // At the reference up to rounding (softmax of log π_ref gives π_ref back to within an ulp or two).
  const uniform = (row: number[] | null) =>
    row === null || row.every((p, k) => Math.abs(p - s.refProbs[k]) <= 1e-12);
  return {
    t: s.t,
    steps: s.steps,
    atStartHolds: s.t === 0,
    ipoAtT,
    dpoAtT,
    uniformAtTHolds:
      (ipoAtT !== null || dpoAtT !== null) &&
      uniform(ipoAtT) &&
      uniform(dpoAtT) &&
      s.refProbs.every((p) => p === s.refProbs[0]),
    d1: scenarioFacts('ipo-d1', s, runs, trainCompared),
    vsTau: vs ? vs.beta : null,
    vsD1: vs ? scenarioFacts('ipo-d1', vs, trainCompared(vs), trainCompared) : null,
    noisy: scenarioFacts('noisy', s, runs, trainCompared),
  };
}
