// Invalid toy input throws a RangeError whose message starts with the field's name.
import { describe, expect, it } from 'vitest';
import {
  MAX_TOY_STEPS,
  betaSweep,
  referenceSweep,
  toyObjective,
  trainToyPolicy,
  type ToyProblem,
  type ToyTrainConfig,
} from '../../src/math/index.ts';
import { identity } from '../helpers/toyProblems.ts';

function problem(): ToyProblem {
  return {
    policy: { baseLogits: [0, 0.5, -0.5], features: identity(3) },
    refLogits: [0, 0, 0],
    lengths: [1, 2, 3],
    pairs: [{ chosen: 0, rejected: 1, p: 0.8, weight: 1 }],
    unpaired: [{ response: 0, desirable: true, weight: 1 }],
  };
}

function cfg(): ToyTrainConfig {
  return { loss: { type: 'sigmoid', beta: 0.1 }, optimizer: 'sgd', learningRate: 0.1, steps: 10 };
}

// Deliberately malformed input, as it might arrive from a URL or a JSON file.
type Loose = Record<string, unknown>;
const loose = <T>(x: T) => x as unknown as Loose;

const cases: [string, (p: Loose, c: Loose) => void, RegExp][] = [
  [
    'base logits not finite',
    (p) => ((p.policy as Loose).baseLogits = [0, NaN, 0]),
    /^policy\.baseLogits\[1\]/,
  ],
  [
    'base logits infinite',
    (p) => ((p.policy as Loose).baseLogits = [0, Infinity, 0]),
    /^policy\.baseLogits\[1\]/,
  ],
  [
    'one response',
    (p) => (((p.policy as Loose).baseLogits = [0]), (p.refLogits = [0])),
    /^policy\.baseLogits/,
  ],
  ['reference of another size', (p) => (p.refLogits = [0, 0]), /^refLogits/],
  ['reference not finite', (p) => (p.refLogits = [0, -Infinity, 0]), /^refLogits\[1\]/],
  ['features with a missing row', (p) => ((p.policy as Loose).features = identity(2)), /^policy\.features/],
  [
    'ragged features',
    (p) =>
      ((p.policy as Loose).features = [
        [1, 0],
        [0, 1, 0],
        [0, 0],
      ]),
    /^policy\.features\[1\]/,
  ],
  ['features without columns', (p) => ((p.policy as Loose).features = [[], [], []]), /^policy\.features/],
  [
    'features not finite',
    (p) =>
      ((p.policy as Loose).features = [
        [1, 0],
        [0, NaN],
        [1, 1],
      ]),
    /^policy\.features\[1\]\[1\]/,
  ],
  ['lengths of another size', (p) => (p.lengths = [1, 2]), /^lengths/],
  ['a zero length', (p) => (p.lengths = [1, 0, 1]), /^lengths\[1\]/],
  ['a fractional length', (p) => (p.lengths = [1, 1.5, 1]), /^lengths\[1\]/],
  ['chosen out of range', (p) => ((p.pairs as Loose[])[0].chosen = 3), /^pairs\[0\]\.chosen/],
  ['rejected negative', (p) => ((p.pairs as Loose[])[0].rejected = -1), /^pairs\[0\]\.rejected/],
  ['fractional index', (p) => ((p.pairs as Loose[])[0].chosen = 0.5), /^pairs\[0\]\.chosen/],
  ['chosen = rejected', (p) => ((p.pairs as Loose[])[0].rejected = 0), /^pairs\[0\]\.rejected/],
  ['p above 1', (p) => ((p.pairs as Loose[])[0].p = 1.2), /^pairs\[0\]\.p/],
  ['p below 0', (p) => ((p.pairs as Loose[])[0].p = -0.1), /^pairs\[0\]\.p/],
  ['p NaN', (p) => ((p.pairs as Loose[])[0].p = NaN), /^pairs\[0\]\.p/],
  ['negative weight', (p) => ((p.pairs as Loose[])[0].weight = -1), /^pairs\[0\]\.weight/],
  ['weights summing to 0', (p) => ((p.pairs as Loose[])[0].weight = 0), /^pairs/],
  ['pairs not an array', (p) => (p.pairs = 'x'), /^pairs/],
  [
    'unpaired response out of range',
    (p) => ((p.unpaired as Loose[])[0].response = 7),
    /^unpaired\[0\]\.response/,
  ],
  [
    'unpaired desirable not boolean',
    (p) => ((p.unpaired as Loose[])[0].desirable = 1),
    /^unpaired\[0\]\.desirable/,
  ],
  ['no pairs for a pair loss', (p) => (p.pairs = []), /^pairs/],
  ['missing policy', (p) => delete p.policy, /^policy/],
  ['β = 0', (_, c) => ((c.loss as Loose).beta = 0), /^beta/],
  ['β < 0', (_, c) => ((c.loss as Loose).beta = -1), /^beta/],
  ['β NaN', (_, c) => ((c.loss as Loose).beta = NaN), /^beta/],
  ['unknown loss', (_, c) => ((c.loss as Loose).type = 'dpo'), /^type/],
  [
    'label smoothing 0.5 for cdpo',
    (_, c) => Object.assign(c.loss as Loose, { type: 'cdpo', labelSmoothing: 0.5 }),
    /^labelSmoothing/,
  ],
  [
    'bad ipo normalisation',
    (_, c) => Object.assign(c.loss as Loose, { type: 'ipo', ipoNormalization: 'mean' }),
    /^ipoNormalization/,
  ],
  [
    'discopop τ = 0',
    (_, c) => Object.assign(c.loss as Loose, { type: 'discopop', discopopTau: 0 }),
    /^discopopTau/,
  ],
  ['unknown optimizer', (_, c) => (c.optimizer = 'rmsprop'), /^optimizer/],
  ['learning rate 0', (_, c) => (c.learningRate = 0), /^learningRate/],
  ['learning rate negative', (_, c) => (c.learningRate = -0.1), /^learningRate/],
  ['learning rate infinite', (_, c) => (c.learningRate = Infinity), /^learningRate/],
  ['fractional steps', (_, c) => (c.steps = 2.5), /^steps/],
  ['negative steps', (_, c) => (c.steps = -1), /^steps/],
  ['absurd steps', (_, c) => (c.steps = MAX_TOY_STEPS + 1), /^steps/],
  ['steps as a string', (_, c) => (c.steps = '10'), /^steps/],
  ['kto without unpaired', (p, c) => ((p.unpaired = []), ((c.loss as Loose).type = 'kto')), /^unpaired/],
  ['kto with a bad z0', (_, c) => Object.assign(c.loss as Loose, { type: 'kto', z0: 'mean' }), /^z0/],
  ['kto with a NaN z0', (_, c) => Object.assign(c.loss as Loose, { type: 'kto', z0: NaN }), /^z0/],
  [
    'kto with a negative weight',
    (_, c) => Object.assign(c.loss as Loose, { type: 'kto', desirableWeight: -1 }),
    /^desirableWeight/,
  ],
];

describe('trainToyPolicy validation', () => {
  it.each(cases)('%s', (_name, mutate, field) => {
    const p = loose(problem());
    const c = loose(cfg());
    mutate(p, c);
    const run = () => trainToyPolicy(p as unknown as ToyProblem, c as unknown as ToyTrainConfig);
    expect(run).toThrow(RangeError);
    expect(run).toThrow(field);
  });

  it('accepts the untouched input, the step cap itself and extreme but valid values', () => {
    expect(() => trainToyPolicy(problem(), cfg())).not.toThrow();
    const extreme = problem();
    extreme.policy.baseLogits = [0, -1e5, 50];
    extreme.refLogits = [-1e5, 0, 0];
    for (const beta of [1e-3, 1e3]) {
      const run = trainToyPolicy(extreme, { ...cfg(), loss: { type: 'sigmoid', beta } });
      run.loss.forEach((x) => expect(Number.isFinite(x)).toBe(true));
      run.probs.forEach((row) => row.forEach((x) => expect(Number.isFinite(x)).toBe(true)));
    }
    const single = { ...problem(), pairs: [{ chosen: 0, rejected: 1, p: 1 }] };
    expect(trainToyPolicy(single, { ...cfg(), steps: MAX_TOY_STEPS }).probs).toHaveLength(MAX_TOY_STEPS + 1);
  });

  it('ignores unpaired examples for pair losses and pairs for KTO', () => {
    const p = problem();
    const withoutUnpaired = { ...p, unpaired: undefined };
    expect(trainToyPolicy(withoutUnpaired, cfg()).loss).toEqual(trainToyPolicy(p, cfg()).loss);
    const kto: ToyTrainConfig = { ...cfg(), loss: { type: 'kto', beta: 0.1 } };
    expect(trainToyPolicy({ ...p, pairs: undefined }, kto).loss).toEqual(trainToyPolicy(p, kto).loss);
  });
});

describe('other entry points validate too', () => {
  it('toyObjective checks θ', () => {
    expect(() => toyObjective(problem(), cfg(), [0, 0])).toThrow(/^theta/);
    expect(() => toyObjective(problem(), cfg(), [0, NaN, 0])).toThrow(/^theta\[1\]/);
  });
  it('betaSweep checks its β values', () => {
    expect(() => betaSweep(problem(), cfg(), [0.1, 0])).toThrow(/^betas\[1\]/);
  });
  it('referenceSweep checks its response and probabilities', () => {
    expect(() => referenceSweep(problem(), cfg(), { response: 3 })).toThrow(/^response/);
    expect(() => referenceSweep(problem(), cfg(), { refProbs: [0.5, 1] })).toThrow(/^refProbs\[1\]/);
    expect(() => referenceSweep(problem(), cfg(), { refProbs: [0.5, -0.1] })).toThrow(/^refProbs\[1\]/);
  });
});
