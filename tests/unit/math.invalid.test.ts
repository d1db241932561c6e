// Invalid input throws a RangeError whose message names the field (CONVENTIONS.md §7).
import { describe, expect, it } from 'vitest';
import {
  PAIR_LOSS_TYPES,
  batchMetrics,
  ktoLoss,
  ktoPairCurve,
  ktoReferencePoint,
  marginGrid,
  optimalMargin,
  pairLoss,
  pairLossCurve,
  rlhfOptimum,
  twoResponseOptimum,
  type KtoInput,
  type KtoLossType,
  type KtoParams,
  type PairInput,
  type PairLossParams,
  type PairLossType,
} from '../../src/math/index.ts';

/** Calls `fn`, and asserts that it throws a RangeError whose message starts with `field`. */
function expectRangeError(fn: () => unknown, field: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a RangeError naming ${field}`).toBeInstanceOf(RangeError);
  const message = (caught as RangeError).message;
  expect(message.startsWith(`${field} `), `message "${message}" should name ${field}`).toBe(true);
}

const PAIR: Required<PairInput> = {
  policyChosen: -10,
  policyRejected: -12,
  refChosen: -11,
  refRejected: -11,
  chosenLength: 5,
  rejectedLength: 6,
};
const KTO: KtoInput = { policy: -3, ref: -4, desirable: true };
const BAD_LOG_PROBS = [1e-9, 0.5, 3, NaN, Infinity, -Infinity];
const PAIR_FIELDS = ['policyChosen', 'policyRejected', 'refChosen', 'refRejected'] as const;

/** Valid parameters for each type, so that only the field under test is wrong. */
function validParams(type: PairLossType): PairLossParams {
  return { beta: 0.1, labelSmoothing: type === 'exo_pair' ? 0.01 : 0.1 };
}

/** A string that is not a loss type, typed as one to reach the runtime check. */
function unknownType<T extends string>(name: string): T {
  return name as T;
}

describe('pairLoss', () => {
  it('accepts the valid baseline (so each case below fails for its one field)', () => {
    for (const type of PAIR_LOSS_TYPES) expect(() => pairLoss(type, PAIR, validParams(type))).not.toThrow();
    expect(() =>
      pairLoss('sigmoid', { ...PAIR, policyChosen: 0, refRejected: -1e5 }, { beta: 1 }),
    ).not.toThrow();
  });

  describe.each(PAIR_FIELDS)('%s', (field) => {
    it.each(BAD_LOG_PROBS)('rejects %s', (value) => {
      for (const type of PAIR_LOSS_TYPES) {
        expectRangeError(() => pairLoss(type, { ...PAIR, [field]: value }, validParams(type)), field);
      }
    });
  });

  it.each([0, -1, -1e-300, NaN, Infinity, -Infinity])('rejects beta = %s', (beta) => {
    for (const type of PAIR_LOSS_TYPES) {
      expectRangeError(() => pairLoss(type, PAIR, { ...validParams(type), beta }), 'beta');
    }
  });

  it.each(['cdpo', 'robust'] as const)('%s rejects ε outside [0, 0.5)', (type) => {
    for (const eps of [-0.1, 0.5, 0.7, NaN, -Infinity]) {
      expectRangeError(() => pairLoss(type, PAIR, { beta: 0.1, labelSmoothing: eps }), 'labelSmoothing');
    }
    expect(() => pairLoss(type, PAIR, { beta: 0.1, labelSmoothing: 0 })).not.toThrow();
  });

  it('exo_pair rejects ε outside (0, 0.5)', () => {
    for (const eps of [0, 0.5, -0.1, 0.7, NaN]) {
      expectRangeError(
        () => pairLoss('exo_pair', PAIR, { beta: 0.1, labelSmoothing: eps }),
        'labelSmoothing',
      );
    }
  });

  it.each(['chosenLength', 'rejectedLength'] as const)('rejects %s < 1 or not whole', (field) => {
    for (const value of [0, -1, 0.5, 1.5, NaN, Infinity]) {
      for (const type of PAIR_LOSS_TYPES) {
        expectRangeError(() => pairLoss(type, { ...PAIR, [field]: value }, validParams(type)), field);
      }
    }
  });

  it('rejects discopopTau ≤ 0 and an unknown ipoNormalization', () => {
    for (const tau of [0, -0.05, NaN]) {
      expectRangeError(() => pairLoss('discopop', PAIR, { beta: 0.1, discopopTau: tau }), 'discopopTau');
    }
    const norm = unknownType<'token' | 'sum'>('mean');
    expectRangeError(() => pairLoss('ipo', PAIR, { beta: 0.1, ipoNormalization: norm }), 'ipoNormalization');
  });

  it.each(['dpo', 'kto', 'SIGMOID', '', 'toString', '__proto__'])('rejects the unknown type %j', (name) => {
    expectRangeError(() => pairLoss(unknownType<PairLossType>(name), PAIR, { beta: 0.1 }), 'type');
  });
});

describe('ktoLoss', () => {
  it.each(['policy', 'ref'] as const)('rejects a bad %s', (field) => {
    for (const value of BAD_LOG_PROBS) {
      for (const type of ['kto', 'apo_zero_unpaired'] as const) {
        expectRangeError(() => ktoLoss(type, { ...KTO, [field]: value }, { beta: 0.1 }), field);
      }
    }
  });

  it('rejects beta ≤ 0 or not finite', () => {
    for (const beta of [0, -0.1, NaN, Infinity])
      expectRangeError(() => ktoLoss('kto', KTO, { beta }), 'beta');
  });

  it.each(['desirableWeight', 'undesirableWeight'] as const)('rejects a negative %s', (field) => {
    for (const value of [-1, -1e-12, NaN, Infinity]) {
      const params: KtoParams = { beta: 0.1, [field]: value };
      expectRangeError(() => ktoLoss('kto', KTO, params), field);
      expectRangeError(() => ktoLoss('apo_zero_unpaired', { ...KTO, desirable: false }, params), field);
    }
    expect(() => ktoLoss('kto', KTO, { beta: 0.1, [field]: 0 })).not.toThrow();
  });

  it('rejects a z0 that is not finite', () => {
    for (const z0 of [NaN, Infinity, -Infinity])
      expectRangeError(() => ktoLoss('kto', KTO, { beta: 0.1, z0 }), 'z0');
  });

  it.each(['sigmoid', 'KTO', 'apo_zero', ''])('rejects the unknown type %j', (name) => {
    expectRangeError(() => ktoLoss(unknownType<KtoLossType>(name), KTO, { beta: 0.1 }), 'type');
  });
});

describe('batchMetrics', () => {
  it('rejects an empty batch', () => {
    expectRangeError(() => batchMetrics('sigmoid', [], { beta: 0.1 }), 'pairs');
  });

  it('rejects an unknown type', () => {
    expectRangeError(() => batchMetrics(unknownType<PairLossType>('dpo'), [PAIR], { beta: 0.1 }), 'type');
  });

  it('rejects bad beta, ε and a bad pair anywhere in the batch', () => {
    expectRangeError(() => batchMetrics('sigmoid', [PAIR], { beta: 0 }), 'beta');
    expectRangeError(
      () => batchMetrics('cdpo', [PAIR], { beta: 0.1, labelSmoothing: 0.5 }),
      'labelSmoothing',
    );
    expectRangeError(
      () => batchMetrics('sigmoid', [PAIR, { ...PAIR, refRejected: 2 }], { beta: 0.1 }),
      'refRejected',
    );
    expectRangeError(
      () => batchMetrics('ipo', [PAIR, { ...PAIR, rejectedLength: 0 }], { beta: 0.1 }),
      'rejectedLength',
    );
  });
});

describe('ktoReferencePoint', () => {
  it('rejects mismatched entries with a bad log-prob, naming the entry and field', () => {
    for (const value of BAD_LOG_PROBS) {
      expectRangeError(
        () =>
          ktoReferencePoint([
            { policy: -1, ref: -2 },
            { policy: value, ref: -2 },
          ]),
        'mismatched[1].policy',
      );
      expectRangeError(() => ktoReferencePoint([{ policy: -1, ref: value }]), 'mismatched[0].ref');
    }
  });

  it('rejects a list that is not an array of objects', () => {
    const notAnArray = null as unknown as { policy: number; ref: number }[];
    expectRangeError(() => ktoReferencePoint(notAnArray), 'mismatched');
    const notAnEntry = [{ policy: -1, ref: -1 }, 3] as unknown as { policy: number; ref: number }[];
    expectRangeError(() => ktoReferencePoint(notAnEntry), 'mismatched[1]');
  });
});

describe('optima and curves', () => {
  it('reject p outside [0, 1], bad β and bad ε', () => {
    for (const p of [-0.1, 1.1, NaN]) {
      expectRangeError(() => optimalMargin('sigmoid', p, { beta: 0.1 }), 'p');
      expectRangeError(() => optimalMargin('ipo', p, { beta: 0.1 }), 'p');
    }
    expectRangeError(() => optimalMargin('sigmoid', 0.7, { beta: 0 }), 'beta');
    expectRangeError(() => optimalMargin('cdpo', 0.7, { beta: 0.1, labelSmoothing: 0.5 }), 'labelSmoothing');
    expectRangeError(
      () => optimalMargin('exo_pair', 0.7, { beta: 0.1, labelSmoothing: 0 }),
      'labelSmoothing',
    );
    expectRangeError(() => twoResponseOptimum('sigmoid', 0.7, 0.1, 1.5), 'refChosen');
  });

  it('reject an unknown type', () => {
    expectRangeError(() => optimalMargin(unknownType<PairLossType>('dpo'), 0.7, { beta: 0.1 }), 'type');
    expectRangeError(() => twoResponseOptimum(unknownType<'sigmoid' | 'ipo'>('cdpo'), 0.7, 0.1), 'type');
  });

  it('rlhfOptimum rejects mismatched sizes and β ≤ 0', () => {
    expectRangeError(() => rlhfOptimum([0, 0], [1], 0.1), 'rewards');
    expectRangeError(() => rlhfOptimum([0, 0], [1, 2], -1), 'beta');
  });

  it('marginGrid, pairLossCurve and ktoPairCurve validate their inputs', () => {
    expectRangeError(() => marginGrid(0), 'beta');
    expectRangeError(() => marginGrid(0.1, 1), 'points');
    expectRangeError(() => marginGrid(0.1, 10.5), 'points');
    expectRangeError(() => marginGrid(0.1, 10, 0), 'span');
    const grid = marginGrid(0.1, 10);
    expectRangeError(() => pairLossCurve(unknownType<PairLossType>('dpo'), { beta: 0.1 }, grid), 'type');
    expectRangeError(() => pairLossCurve('sigmoid', { beta: -1 }, grid), 'beta');
    expectRangeError(
      () => pairLossCurve('sigmoid', { beta: 0.1 }, grid, { ...PAIR, policyChosen: 1 }),
      'policyChosen',
    );
    expectRangeError(() => ktoPairCurve({ beta: 0.1, undesirableWeight: -1 }, grid), 'undesirableWeight');
  });
});
