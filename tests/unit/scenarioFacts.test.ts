// Scenario explanations take their numbers from the state: the facts (derive/scenarioFacts.ts) equal what the
// runs and the loss view's closed forms hold, every claim holds for each scenario as loaded, the English text
// states exactly the facts' numbers (a number written into a template would fail the sentinel test), and an
// edit that breaks a claim drops it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IPO_PAPER_D1, SCENARIO_IDS, rlhfOptimum, sigmoid, type ScenarioId } from '../../src/math/index.ts';
import type { AppState } from '../../src/state/appState.ts';
import { baseState } from '../../src/state/urlCodec.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import { computeTrainingRuns, type ToyFields } from '../../src/derive/toy.ts';
import { computePairCurves } from '../../src/derive/pairCurves.ts';
import type { TrainingRunInput } from '../../src/derive/types.ts';
import {
  SCENARIO_FIELDS,
  scenarioExplanation,
  scenarioFacts,
  type ScenarioFields,
} from '../../src/derive/scenarioFacts.ts';
import { compareRowsOf, compareRunsOf, compareStateOf } from '../../src/derive/compare.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import { statedNumbers } from '../helpers/scenarioText.ts';
import { stateArb } from '../helpers/stateArbitraries.ts';

const fieldsOf = (id: ScenarioId, patch: Partial<AppState> = {}): ScenarioFields =>
  pickFields({ ...baseState(id), ...patch }, SCENARIO_FIELDS);
const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];

function runOf(s: ToyFields, id: string): TrainingRunInput {
  const run = computeTrainingRuns(s).runs.find((r) => r.id === id);
  if (!run) throw new Error(`no ${id} run`);
  return run;
}
/** The dotted optimum line the loss view draws for `id`. */
function drawnOptimum(s: ToyFields, id: string): number | null {
  return computePairCurves(s).find((c) => c.id === id)?.optimum ?? null;
}
const column = (run: TrainingRunInput, k: number) => run.probs.map((row) => row[k]);

/** The facts' numbers (arrays flattened), without the counts the templates turn into names. */
function numbersOf(facts: object): number[] {
  return Object.entries(facts)
    .filter(([k]) => k !== 'others' && k !== 'squeezed')
    .flatMap(([, v]) => (Array.isArray(v) ? (v as number[]) : typeof v === 'number' ? [v] : []));
}

describe('the facts are the runs’ and the views’ numbers', () => {
  it('start: DPO’s step-0 loss and its accuracies at steps 0 and 1', () => {
    const s = fieldsOf('start');
    const f = scenarioFacts('start', s);
    const dpo = runOf(s, 'sigmoid');
    expect(f.startLoss).toBe(dpo.loss[0]);
    expect(f.startLoss).toBeCloseTo(Math.LN2, 14);
    expect([f.accuracy0, f.accuracy1]).toEqual(dpo.metrics['rewards/accuracies'].slice(0, 2));
    expect(f.p).toBe(s.preferenceProb);
  });

  it('deterministic: DPO’s final π(y_l), IPO’s drawn target', () => {
    const s = fieldsOf('deterministic');
    const f = scenarioFacts('deterministic', s);
    expect(f.dpoRejectedEnd).toBe(last(runOf(s, 'sigmoid').probs)[1]);
    expect(f.ipoTarget).toBe(drawnOptimum(s, 'ipo'));
    expect(f.ipoTarget).toBeCloseTo(1 / (2 * s.beta), 12);
    expect(f.steps).toBe(runOf(s, 'ipo').probs.length - 1);
  });

  it('noisy: the drawn optima and the final π(y_w) of both runs', () => {
    const s = fieldsOf('noisy');
    const f = scenarioFacts('noisy', s);
    expect(f.dpoOptimum).toBe(drawnOptimum(s, 'sigmoid'));
    expect(f.ipoOptimum).toBe(drawnOptimum(s, 'ipo'));
    expect(f.dpoChosenEnd).toBe(last(runOf(s, 'sigmoid').probs)[0]);
    expect(f.ipoChosenEnd).toBe(last(runOf(s, 'ipo').probs)[0]);
    expect(f.ipoChosenEnd).toBeCloseTo(sigmoid(f.ipoOptimum ?? NaN), 6);
  });

  it('label-noise: each loss’s final π(y_w), and the clean preference undoing the flips', () => {
    const s = fieldsOf('label-noise');
    const f = scenarioFacts('label-noise', s);
    for (const [id, got] of [
      ['sigmoid', f.dpoChosenEnd],
      ['cdpo', f.cdpoChosenEnd],
      ['robust', f.robustChosenEnd],
    ] as const)
      expect(got).toBe(last(runOf(s, id).probs)[0]);
    expect(f.clean * (1 - f.epsilon) + (1 - f.clean) * f.epsilon).toBeCloseTo(s.preferenceProb, 14);
  });

  it('likelihood-displacement: π(y_w) start, peak, end; the TRL log; IPO’s target and end', () => {
    const s = fieldsOf('likelihood-displacement');
    const f = scenarioFacts('likelihood-displacement', s);
    const dpo = runOf(s, 'sigmoid');
    const pw = column(dpo, 0);
    expect([f.chosenStart, f.chosenEnd, f.chosenPeak]).toEqual([pw[0], last(pw), Math.max(...pw)]);
    expect(f.peakStep).toBe(pw.indexOf(Math.max(...pw)));
    expect(f.accuracy).toBe(dpo.metrics['rewards/accuracies'][1]);
    expect(f.chosenRewardEnd).toBe(last(dpo.metrics['rewards/chosen']));
    expect(f.ipoTarget).toBe(drawnOptimum(s, 'ipo'));
    expect(f.ipoChosenEnd).toBe(last(runOf(s, 'ipo').probs)[0]);
  });

  it('kto-undesirable-only: π(A) and π(B) at both ends', () => {
    const s = fieldsOf('kto-undesirable-only');
    const f = scenarioFacts('kto-undesirable-only', s);
    const kto = runOf(s, 'kto');
    expect([f.undesirableStart, f.undesirableEnd]).toEqual([kto.probs[0][0], last(kto.probs)[0]]);
    expect([f.otherStart, f.otherEnd]).toEqual([kto.probs[0][1], last(kto.probs)[1]]);
    expect(f.squeezed).toBe(s.responses - 2);
  });

  it('beta-strength: the weak run is the state’s, the strong one the compared run the views draw (vs=beta:1)', () => {
    const s = fieldsOf('beta-strength');
    expect(s.compare).toBe('beta:1');
    const f = scenarioFacts('beta-strength', s);
    const other = compareStateOf(s);
    if (!other) throw new Error('beta-strength loads no compared run');
    expect(f.weakBeta).toBe(s.beta);
    expect(f.strongBeta).toBe(other.beta);
    expect(f.strongBeta).toBe(1);
    expect(f.weakChosenEnd).toBe(last(runOf(s, 'sigmoid').probs)[0]);
    // The compared run's own memoised training: the very run the dashed curves and the table are drawn from.
    const strong = compareRunsOf(other).runs.find((r) => r.id === 'sigmoid');
    expect(f.strongChosenEnd).toBe(last(strong?.probs ?? [])[0]);
    expect(f.weakOptimum).toBe(drawnOptimum(s, 'sigmoid'));
    expect(f.strongOptimum).toBe(drawnOptimum(other, 'sigmoid'));
    // The KLs are the table of both runs' cells where training ends.
    const [row] = compareRowsOf('beta', computeTrainingRuns(s).runs, compareRunsOf(other).runs, {
      main: s.refProbs,
      other: other.refProbs,
    });
    expect(row.main.step).toBe(s.steps);
    expect([f.weakKl, f.strongKl]).toEqual([row.main.kl, row.other.kl]);
  });

  it('beta-strength follows the compared β, and says nothing about a strong run without one', () => {
    const two = fieldsOf('beta-strength', { compare: 'beta:2' });
    const f2 = scenarioFacts('beta-strength', two);
    expect(f2.strongBeta).toBe(2);
    const strong = last(computeTrainingRuns({ ...two, beta: 2 }).runs[0].probs)[0];
    expect(f2.strongChosenEnd).toBe(strong);
    expect(scenarioExplanation(EN.presets, 'beta-strength', two)).toContain(`β = ${c3(2)}`);
    for (const compare of ['', 'lr:0.5'] as const) {
      const s = fieldsOf('beta-strength', { compare });
      const f = scenarioFacts('beta-strength', s);
      expect([f.strongBeta, f.strongOptimum, f.strongChosenEnd, f.strongKl]).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(f.weakFurtherHolds).toBe(false);
      const text = scenarioExplanation(EN.presets, 'beta-strength', s);
      expect(text).not.toContain('strong');
      expect(text).not.toContain('KL');
    }
  });

  it('ipo-d1: IPO’s π and gaps where it ends, 1/(3τ), DPO’s gap and π(A), the paper’s π for τ', () => {
    for (const beta of [0.1, 0.5, 1]) {
      const s = fieldsOf('ipo-d1', { beta });
      const f = scenarioFacts('ipo-d1', s);
      const ipo = last(runOf(s, 'ipo').probs);
      const dpo = last(runOf(s, 'sigmoid').probs);
      expect(f.ipoEnd).toEqual(ipo);
      expect(f.ipoFixedPoint).toBe(1 / (3 * beta));
      expect(f.ipoGaps).toEqual([Math.log(ipo[0] / ipo[1]), Math.log(ipo[1] / ipo[2])]);
      expect(f.dpoChosenEnd).toBe(dpo[0]);
      expect(f.dpoGapEnd).toBe(Math.log(dpo[0] / dpo[1]));
      expect(f.paperProbs).toEqual(IPO_PAPER_D1.find((r) => r.tau === beta)?.probs);
      expect([f.d1Holds, f.ipoSettlesHolds, f.matchesPaperHolds, f.dpoRunsOnHolds]).toEqual([
        true,
        true,
        true,
        true,
      ]);
    }
  });

  it('bradley-terry: π(A) where DPO ends, and π*(A)', () => {
    const s = fieldsOf('bradley-terry');
    const f = scenarioFacts('bradley-terry', s);
    expect(f.rewards).toEqual(s.rewards);
    expect(f.chosenEnd).toBe(last(runOf(s, 'sigmoid').probs)[0]);
    expect(f.optimumChosen).toBe(rlhfOptimum(s.refProbs.map(Math.log), s.rewards, s.beta)[0]);
  });

  it('no-reference: π(y₃) and π(y_w) where each run ends, ORPO’s nll_loss and both rewards/chosen', () => {
    const s = fieldsOf('no-reference');
    const f = scenarioFacts('no-reference', s);
    const dpo = runOf(s, 'sigmoid');
    const simpo = runOf(s, 'simpo');
    const orpo = runOf(s, 'orpo');
    expect(f.otherRef).toBe(s.refProbs[2]);
    expect(f.dpoOtherEnd).toBe(last(column(dpo, 2)));
    expect(f.simpoOtherEnd).toBe(last(column(simpo, 2)));
    expect(f.orpoOtherEnd).toBe(last(column(orpo, 2)));
    expect(f.orpoChosenEnd).toBe(last(column(orpo, 0)));
    expect(f.dpoChosenEnd).toBe(last(column(dpo, 0)));
    expect(f.orpoNllEnd).toBe(last(orpo.metrics['nll_loss']));
    expect(f.orpoRewardEnd).toBe(last(orpo.metrics['rewards/chosen']));
    expect(f.dpoRewardEnd).toBe(last(dpo.metrics['rewards/chosen']));
    // The KL claim against the numbers the table of two runs would show.
    const kl = (run: TrainingRunInput) => {
      const end = last(run.probs);
      return end.reduce((a, p, k) => a + (p > 0 ? p * Math.log(p / s.refProbs[k]) : 0), 0);
    };
    expect(kl(simpo)).toBeGreaterThan(kl(dpo));
    expect(kl(orpo)).toBeGreaterThan(kl(dpo));
    // ORPO's reward is β × a mean log-prob: below 0 whatever the policy.
    expect(orpo.metrics['rewards/chosen'].every((r) => r < 0)).toBe(true);
  });
});

describe.each(SCENARIO_IDS)('%s as loaded', (id) => {
  const s = fieldsOf(id);
  const facts = scenarioFacts(id, s);
  const text = scenarioExplanation(EN.presets, id, s);

  it('every claim holds and every number is there', () => {
    const claims = Object.entries(facts).filter(([k]) => k.endsWith('Holds'));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.filter(([, v]) => v !== true).map(([k]) => k)).toEqual([]);
    expect(Object.entries(facts).filter(([, v]) => v === null)).toEqual([]);
  });

  it('the English text states exactly the facts’ numbers, in 2–4 sentences', () => {
    const sentences = text.match(/[.!?](\s|$)/g) ?? [];
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    const stated = statedNumbers(text);
    const written = new Set(numbersOf(facts).map(c3));
    // Every number stated is a fact's, and every fact's number is stated.
    expect(stated.filter((x) => !written.has(x))).toEqual([]);
    expect([...written].filter((x) => !stated.includes(x))).toEqual([]);
  });

  it('no number is written into the template: with other facts, the text states only those', () => {
    // Every number replaced by a distinct sentinel, the claims as loaded and all dropped.
    let i = 0;
    const sentinel = () => 0.1 + 0.0173 * ++i;
    const swapped = Object.fromEntries(
      Object.entries(facts).map(([k, v]) => [
        k,
        k === 'others' || k === 'squeezed'
          ? v
          : Array.isArray(v)
            ? v.map(sentinel)
            : typeof v === 'number'
              ? sentinel()
              : v,
      ]),
    );
    const template = EN.presets[id].explanation as (f: unknown) => string;
    for (const holds of [true, false]) {
      const f = Object.fromEntries(
        Object.entries(swapped).map(([k, v]) => [k, k.endsWith('Holds') ? holds && v : v]),
      );
      const allowed = new Set(numbersOf(f).map(c3));
      expect(statedNumbers(template(f)).filter((x) => !allowed.has(x))).toEqual([]);
    }
  });
});

describe('an edit that breaks a claim drops it, and the numbers follow the state', () => {
  const say = (id: ScenarioId, patch: Partial<AppState>) =>
    scenarioExplanation(EN.presets, id, fieldsOf(id, patch));

  it('likelihood displacement with a tabular policy: no shared feature, no displacement story', () => {
    const f = scenarioFacts(
      'likelihood-displacement',
      fieldsOf('likelihood-displacement', { features: 'tabular' }),
    );
    expect(f.sharedHolds).toBe(false);
    const text = say('likelihood-displacement', { features: 'tabular' });
    expect(text).not.toContain('near-duplicates');
    expect(text).not.toContain('drags y_w down');
    expect(text).toContain(`from ${c3(f.chosenStart ?? NaN)} to ${c3(f.chosenEnd ?? NaN)}`);
  });

  it('label noise with only DPO ticked: cDPO and robust DPO are not mentioned', () => {
    const text = say('label-noise', { losses: ['sigmoid'] });
    expect(text).not.toContain('cDPO');
    expect(text).not.toContain('robust');
    expect(text).not.toContain('three different answers');
  });

  it('beta-strength with β above the compared β: no "weak vs strong" claim', () => {
    const f = scenarioFacts('beta-strength', fieldsOf('beta-strength', { beta: 2 }));
    expect(f.weakFurtherHolds).toBe(false);
    const text = say('beta-strength', { beta: 2 });
    expect(text).not.toContain('a weak β');
    expect(text).toContain(`β = ${c3(2)}`);
  });

  it('ipo-d1 at a τ the paper does not report, or on other data: no paper claim, no D₁ story', () => {
    const f = scenarioFacts('ipo-d1', fieldsOf('ipo-d1', { beta: 0.7 }));
    expect([f.paperProbs, f.matchesPaperHolds, f.ipoSettlesHolds]).toEqual([null, false, true]);
    expect(say('ipo-d1', { beta: 0.7 })).not.toContain('the paper’s (');
    const pair = scenarioFacts('ipo-d1', fieldsOf('ipo-d1', { dataset: 'pair' }));
    expect([pair.d1Holds, pair.ipoEnd, pair.matchesPaperHolds, pair.dpoRunsOnHolds]).toEqual([
      false,
      null,
      false,
      false,
    ]);
    // Too few steps for IPO to settle: no "stops" claim, its numbers as they are.
    const early = scenarioFacts('ipo-d1', fieldsOf('ipo-d1', { steps: 100 }));
    expect(early.ipoSettlesHolds).toBe(false);
    expect(say('ipo-d1', { steps: 100 })).not.toContain('IPO stops');
  });

  it('bradley-terry with pair data: no RLHF-optimum claim', () => {
    const text = say('bradley-terry', { dataset: 'pair' });
    expect(text).toContain('not a ranking');
    expect(text).not.toContain('whole idea');
  });

  it.each(['deterministic', 'noisy', 'label-noise', 'beta-strength'] as const)(
    '%s on ranking data: nothing said about p',
    (id) => {
      const text = say(id, { dataset: 'ranking' });
      if (id !== 'beta-strength') expect(text).toContain('not one preference pair');
      expect(text).not.toMatch(/p = /);
    },
  );

  it('no-reference with SimPO and ORPO unticked: no claim about them, DPO’s numbers only where stated', () => {
    const f = scenarioFacts('no-reference', fieldsOf('no-reference', { losses: ['sigmoid'] }));
    expect([f.klHolds, f.squeezedHolds, f.orpoRaisesHolds, f.rewardSignHolds]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect([f.simpoOtherEnd, f.orpoOtherEnd, f.orpoNllEnd, f.orpoRewardEnd]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const text = say('no-reference', { losses: ['sigmoid'] });
    expect(text).not.toContain('squeezed');
    expect(text).not.toContain('nll_loss');
    expect(text).not.toContain('larger KL');
  });

  it('no-reference with two responses: no third response to speak of', () => {
    const f = scenarioFacts(
      'no-reference',
      fieldsOf('no-reference', { responses: 2, refProbs: [0.6, 0.4], startLogRatios: [0, 0] }),
    );
    expect(f.otherRef).toBeNull();
    expect(f.squeezedHolds).toBe(false);
    expect(say('no-reference', { responses: 2, refProbs: [0.6, 0.4], startLogRatios: [0, 0] })).not.toContain(
      'y₃',
    );
  });

  it('KTO scenario trained with Adam: the plain-SGD claim is dropped', () => {
    const text = say('kto-undesirable-only', { optimizer: 'adam' });
    expect(text).not.toContain('plain SGD');
  });
});

describe('any state', () => {
  it('gets a finished explanation of every scenario, in both languages, whatever was edited', () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom(...SCENARIO_IDS), (state, id) => {
        // Few steps: the claims may all fail, the point is that no state breaks a template.
        const s = pickFields({ ...state, steps: Math.min(state.steps, 40) }, SCENARIO_FIELDS);
        for (const T of [EN, ZH]) {
          const text = scenarioExplanation(T.presets, id, s);
          expect(text.length).toBeGreaterThan(20);
          expect(text).not.toMatch(/undefined|null|\[object/);
        }
      }),
      { numRuns: 40 },
    );
  });
});
