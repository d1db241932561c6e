// The per-loss and per-metric tables (src/math/lossInfo.ts, src/math/trlMetrics.ts) against the kernels,
// the closed forms and ../shared/CONVENTIONS.md: every row says what the code does and what TRL calls it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  KTO_LOSS_TYPES,
  LOSS_IDS,
  LOSS_INFO,
  PAIR_LOSS_TYPES,
  REFERENCE_FREE_IDS,
  EXPLORER_METRIC_NAMES,
  PICKER_METRICS,
  PICKER_TICKED,
  TRL_CONFIG_FIELDS,
  TRL_METRIC_INFO,
  TRL_METRIC_NAMES,
  DEFAULT_DISCOPOP_TAU,
  DEFAULT_EXO_SMOOTHING,
  batchMetrics,
  cdpoOptimalMargin,
  dpoOptimalMargin,
  exoOptimalMargin,
  hingeOptimalMargin,
  ipoOptimalMargin,
  isKtoLoss,
  isPairLoss,
  isReferenceFreeLoss,
  ktoLoss,
  lossInfo,
  lossReads,
  lossSettings,
  metricsLoggedBy,
  optimalMargin,
  pairLoss,
  perTokenMargin,
  referenceFreeLoss,
  robustOptimalMargin,
  trainToyPolicy,
  type KtoParams,
  type LossId,
  type LossSetting,
  type PairLossParams,
  type PairLossType,
  type ReferenceFreeParams,
  type ToyMetricName,
} from '../../src/math/index.ts';
import { pairFromRatios } from '../helpers/mathCases.ts';

/** Every field of the parameter objects, checked complete by the compiler (a new field must be added here). */
const PAIR_PARAM_FIELDS = {
  beta: true,
  labelSmoothing: true,
  discopopTau: true,
  ipoNormalization: true,
  fDivergence: true,
  fAlphaDivergenceCoef: true,
} as const satisfies Record<keyof PairLossParams, true>;
const KTO_PARAM_FIELDS = {
  beta: true,
  z0: true,
  desirableWeight: true,
  undesirableWeight: true,
} as const satisfies Record<keyof KtoParams, true>;
const REFERENCE_FREE_PARAM_FIELDS = {
  beta: true,
  simpoGamma: true,
  cpoAlpha: true,
  labelSmoothing: true,
} as const satisfies Record<keyof ReferenceFreeParams, true>;

const CONVENTIONS = readFileSync(
  fileURLToPath(new URL('../../../shared/CONVENTIONS.md', import.meta.url)),
  'utf8',
);

/** The `type` column of the table in section `heading` of CONVENTIONS.md, with each row's text. */
function conventionsTable(heading: string): { id: string; row: string }[] {
  const start = CONVENTIONS.indexOf(heading);
  const end = CONVENTIONS.indexOf('\n## ', start + 1);
  const section = CONVENTIONS.slice(start, end);
  return [...section.matchAll(/^\| `([a-z_]+)` \|(.*)$/gm)]
    .map((m) => ({ id: m[1], row: m[2] }))
    .filter((r) => r.id !== 'type');
}

const BETA = 0.7;
const PAIR = pairFromRatios(-1.3, 0.4, 3, 7);

describe('LOSS_INFO: one row per loss', () => {
  it('has a row for every loss id, pair losses first, each of its family', () => {
    expect(Object.keys(LOSS_INFO)).toEqual(LOSS_IDS);
    expect(LOSS_IDS).toEqual([...PAIR_LOSS_TYPES, ...KTO_LOSS_TYPES, ...REFERENCE_FREE_IDS]);
    expect(REFERENCE_FREE_IDS).toEqual(['simpo', 'orpo']);
    for (const id of REFERENCE_FREE_IDS) {
      expect(lossInfo(id).family).toBe('reference-free');
      expect(isReferenceFreeLoss(id) && !isPairLoss(id) && !isKtoLoss(id)).toBe(true);
      // Both average per token, so they read the lengths; no closed-form optimum of one margin.
      expect(lossInfo(id).perToken).toBe(true);
      expect(lossInfo(id).optimum).toBeNull();
      expect(() =>
        referenceFreeLoss(
          id,
          { policyChosen: -1, policyRejected: -2, chosenLength: 3, rejectedLength: 7 },
          { beta: BETA },
        ),
      ).not.toThrow();
    }
    for (const id of PAIR_LOSS_TYPES) {
      expect(lossInfo(id).family).toBe('pair');
      expect(isPairLoss(id) && !isKtoLoss(id)).toBe(true);
      expect(() => pairLoss(id, PAIR, { beta: BETA })).not.toThrow();
    }
    for (const id of KTO_LOSS_TYPES) {
      expect(lossInfo(id).family).toBe('unpaired');
      expect(isKtoLoss(id) && !isPairLoss(id)).toBe(true);
      expect(() => ktoLoss(id, { policy: -1, ref: -2, desirable: true }, { beta: BETA })).not.toThrow();
    }
    expect(isKtoLoss('dpo' as PairLossType)).toBe(false);
  });

  it('names only settings its family’s parameter object has', () => {
    for (const id of LOSS_IDS) {
      const family = lossInfo(id).family;
      const fields =
        family === 'pair'
          ? PAIR_PARAM_FIELDS
          : family === 'unpaired'
            ? KTO_PARAM_FIELDS
            : REFERENCE_FREE_PARAM_FIELDS;
      for (const s of lossSettings(id)) {
        expect(Object.keys(fields), `${id}.${s}`).toContain(s);
        expect(s).not.toBe('beta');
      }
    }
  });
});

describe('settings: a loss reads exactly the settings its row names', () => {
  // The f-divergence fields are trainer-wide, not row settings: tests/unit/math.fDivergence.test.ts checks
  // each row's `divergence` against the losses.
  const pairVariants: Record<
    Exclude<keyof PairLossParams, 'beta' | 'fDivergence' | 'fAlphaDivergenceCoef'>,
    [PairLossParams, PairLossParams]
  > = {
    labelSmoothing: [
      { beta: BETA, labelSmoothing: 0.1 },
      { beta: BETA, labelSmoothing: 0.3 },
    ],
    discopopTau: [
      { beta: BETA, discopopTau: 0.05 },
      { beta: BETA, discopopTau: 0.4 },
    ],
    ipoNormalization: [
      { beta: BETA, ipoNormalization: 'token' },
      { beta: BETA, ipoNormalization: 'sum' },
    ],
  };
  it.each(PAIR_LOSS_TYPES)('%s', (id) => {
    for (const [setting, [a, b]] of Object.entries(pairVariants)) {
      const changes = pairLoss(id, PAIR, a).loss !== pairLoss(id, PAIR, b).loss;
      expect(changes, `${id} ${setting}`).toBe(lossReads(id, setting as LossSetting));
    }
  });

  const ktoVariants: Record<Exclude<keyof KtoParams, 'beta'>, [KtoParams, KtoParams]> = {
    z0: [
      { beta: BETA, z0: 0 },
      { beta: BETA, z0: 1.5 },
    ],
    desirableWeight: [
      { beta: BETA, desirableWeight: 1 },
      { beta: BETA, desirableWeight: 2 },
    ],
    undesirableWeight: [
      { beta: BETA, undesirableWeight: 1 },
      { beta: BETA, undesirableWeight: 2 },
    ],
  };
  it.each(KTO_LOSS_TYPES)('%s', (id) => {
    for (const [setting, [a, b]] of Object.entries(ktoVariants)) {
      const sum = (p: KtoParams) =>
        ktoLoss(id, { policy: -1, ref: -2, desirable: true }, p).loss +
        ktoLoss(id, { policy: -3, ref: -2, desirable: false }, p).loss;
      expect(sum(a) !== sum(b), `${id} ${setting}`).toBe(lossReads(id, setting as LossSetting));
    }
  });

  it('defaults are the math’s own (CONVENTIONS §2, §3): ε 0 (EXO 1e-3), τ 0.05, token, weights 1, z0 0', () => {
    expect(DEFAULT_EXO_SMOOTHING).toBe(1e-3);
    expect(DEFAULT_DISCOPOP_TAU).toBe(0.05);
    expect(LOSS_INFO.cdpo.settings).toEqual({ labelSmoothing: 0 });
    expect(LOSS_INFO.robust.settings).toEqual({ labelSmoothing: 0 });
    expect(LOSS_INFO.ipo.settings).toEqual({ ipoNormalization: 'token' });
    expect(LOSS_INFO.kto.settings).toEqual({ desirableWeight: 1, undesirableWeight: 1, z0: 0 });
    for (const id of PAIR_LOSS_TYPES) {
      const explicit = { beta: BETA, ...LOSS_INFO[id].settings };
      expect(pairLoss(id, PAIR, { beta: BETA }), id).toEqual(pairLoss(id, PAIR, explicit));
    }
    for (const id of KTO_LOSS_TYPES) {
      const input = { policy: -1, ref: -2, desirable: false };
      const explicit = { beta: BETA, ...LOSS_INFO[id].settings };
      expect(ktoLoss(id, input, { beta: BETA }), id).toEqual(ktoLoss(id, input, explicit));
    }
  });

  it('excludesZero: ε = 0 is refused exactly where the row says', () => {
    for (const id of PAIR_LOSS_TYPES) {
      if (!lossReads(id, 'labelSmoothing')) continue;
      const refuses = (LOSS_INFO[id] as { excludesZero?: readonly string[] }).excludesZero?.includes(
        'labelSmoothing',
      );
      const call = () => pairLoss(id, PAIR, { beta: BETA, labelSmoothing: 0 });
      if (refuses) expect(call, id).toThrow(/labelSmoothing/);
      else expect(call, id).not.toThrow();
    }
  });
});

describe('perToken: the lengths matter exactly where the margin is per token', () => {
  it.each(PAIR_LOSS_TYPES)('%s', (id) => {
    for (const ipoNormalization of ['token', 'sum'] as const) {
      const params = { beta: BETA, ipoNormalization };
      const short = pairLoss(id, pairFromRatios(-1.3, 0.4, 1, 1), params).loss;
      const long = pairLoss(id, pairFromRatios(-1.3, 0.4, 3, 7), params).loss;
      expect(short !== long, `${id} ${ipoNormalization}`).toBe(perTokenMargin(id, params));
    }
    if (LOSS_INFO[id].perToken === false) expect(perTokenMargin(id)).toBe(false);
  });
});

describe('marginOnly: the loss depends on the margin alone exactly where the row says', () => {
  it.each(PAIR_LOSS_TYPES)('%s', (id) => {
    // Shifting ρw and ρl together keeps the margin (lengths 1: h̄ = h) and changes everything else.
    const params = { beta: BETA, labelSmoothing: 0.1 };
    const a = pairLoss(id, pairFromRatios(-1.3, 0.4), params);
    const b = pairLoss(id, pairFromRatios(-1.3 + 2.1, 0.4 + 2.1), params);
    const same = Math.abs(a.loss - b.loss) <= 1e-12 * Math.max(1, Math.abs(a.loss));
    expect(same, id).toBe(LOSS_INFO[id].marginOnly);
    if (LOSS_INFO[id].marginOnly) expect(a.dPolicyChosen, id).toBeCloseTo(-a.dPolicyRejected, 12);
    if (LOSS_INFO[id].optimum !== null) expect(LOSS_INFO[id].marginOnly, id).toBe(true);
  });
});

describe('quadratic: the loss grows like h² exactly where the row says', () => {
  it.each(PAIR_LOSS_TYPES)('%s', (id) => {
    // Doubling a large margin (either sign) multiplies a quadratic loss by ~4, any other by ≤ ~2.
    const at = (h: number) => pairLoss(id, pairFromRatios(h / 2, -h / 2), { beta: 1 }).loss;
    const ratios = [at(400) / at(200), at(-400) / at(-200)].filter(Number.isFinite);
    const growth = Math.max(...ratios);
    expect(growth > 3, `${id}: growth ${growth}`).toBe(LOSS_INFO[id].quadratic);
  });
});

describe('optimum: the rows agree with the closed forms of CONVENTIONS §6', () => {
  // Written out independently of the table.
  const expected: Partial<Record<PairLossType, (p: number, k: Required<PairLossParams>) => number>> = {
    sigmoid: (p, k) => dpoOptimalMargin(p, k.beta),
    sigmoid_norm: (p, k) => dpoOptimalMargin(p, k.beta),
    cdpo: (p, k) => cdpoOptimalMargin(p, k.beta, k.labelSmoothing),
    robust: (p, k) => robustOptimalMargin(p, k.beta, k.labelSmoothing),
    ipo: (p, k) => ipoOptimalMargin(p, k.beta),
    hinge: (p, k) => hingeOptimalMargin(p, k.beta),
    exo_pair: (p, k) => exoOptimalMargin(p, k.beta, k.labelSmoothing),
  };
  const params: Required<PairLossParams> = {
    beta: 0.3,
    labelSmoothing: 0.1,
    discopopTau: 0.05,
    ipoNormalization: 'token',
    fDivergence: 'reverse_kl',
    fAlphaDivergenceCoef: 0.5,
  };

  it.each(PAIR_LOSS_TYPES)('%s', (id) => {
    const want = expected[id];
    expect(LOSS_INFO[id].optimum === null, id).toBe(want === undefined);
    for (const p of [0, 0.2, 0.5, 0.8, 0.95, 1]) {
      expect(optimalMargin(id, p, params)).toBe(want ? want(p, params) : null);
    }
  });

  it('uses the row’s defaults when a setting is left out', () => {
    expect(optimalMargin('exo_pair', 1, { beta: 1 })).toBe(exoOptimalMargin(1, 1, DEFAULT_EXO_SMOOTHING));
    expect(optimalMargin('cdpo', 0.8, { beta: 1 })).toBe(dpoOptimalMargin(0.8, 1));
  });

  it('stationary rows are stationary points of the expected loss; hinge is not claimed', () => {
    const p = 0.8;
    for (const id of PAIR_LOSS_TYPES) {
      const optimum = LOSS_INFO[id].optimum;
      if (!optimum?.stationary) continue;
      const k = { beta: 0.5, labelSmoothing: 0.1 };
      const h = optimalMargin(id, p, k) as number;
      const slope =
        p * pairLoss(id, pairFromRatios(h, 0), k).dPolicyChosen +
        (1 - p) * pairLoss(id, pairFromRatios(0, h), k).dPolicyRejected;
      expect(Math.abs(slope), id).toBeLessThan(1e-9);
    }
    expect(LOSS_INFO.hinge.optimum.stationary).toBe(false);
  });
});

describe('TRL: names, trainers and config fields match CONVENTIONS §2–3 and TRL 1.9', () => {
  const pairRows = conventionsTable('## 2. Pair losses');
  const ktoRows = conventionsTable('## 3. KTO');

  it('lists every loss of CONVENTIONS, in its order (losses added later may have no row there yet)', () => {
    const inOrder = (ids: string[], all: readonly string[]) => all.filter((id) => ids.includes(id));
    expect(
      inOrder(
        pairRows.map((r) => r.id),
        PAIR_LOSS_TYPES,
      ),
    ).toEqual(pairRows.map((r) => r.id));
    expect(
      inOrder(
        ktoRows.map((r) => r.id),
        KTO_LOSS_TYPES,
      ),
    ).toEqual(ktoRows.map((r) => r.id));
    expect(pairRows.length).toBeGreaterThanOrEqual(13);
    expect(ktoRows.length).toBe(2);
  });

  it('the loss_type is the id, except where CONVENTIONS says TRL dropped it', () => {
    for (const { id, row } of [...pairRows, ...ktoRows]) {
      const trl = lossInfo(id as LossId).trl;
      const dropped = /not a TRL loss_type since TRL ([\d.]+)/.exec(row);
      if (dropped) {
        expect(trl.lossType, id).toBeNull();
        expect(trl.removedIn, id).toBe(dropped[1]);
        expect(trl.nearest && lossInfo(trl.nearest).trl.lossType, id).toBe(trl.nearest);
      } else {
        expect(trl.lossType, id).toBe(id);
        expect(trl.nearest, id).toBeUndefined();
      }
    }
    // Rows CONVENTIONS does not list: TRL's name is the id or there is none.
    for (const id of LOSS_IDS) {
      const { lossType } = lossInfo(id).trl;
      expect(lossType === null || lossType === id, id).toBe(true);
    }
  });

  it('trainer, config and fields follow the family and the settings', () => {
    for (const id of LOSS_IDS) {
      const { family, trl } = lossInfo(id);
      if (family !== 'reference-free')
        expect([trl.trainer, trl.config, trl.module], id).toEqual(
          family === 'pair' ? ['DPOTrainer', 'DPOConfig', 'trl'] : ['KTOTrainer', 'KTOConfig', 'trl'],
        );
      expect(trl.fields[0], id).toBe('beta');
      expect(new Set(trl.fields).size).toBe(trl.fields.length);
      const carried: readonly string[] = trl.fields.map((f) => TRL_CONFIG_FIELDS[f]);
      for (const s of carried)
        if (s !== 'beta') expect(lossReads(id, s as LossSetting), `${id} ${s}`).toBe(true);
      if (trl.lossType !== null) {
        // Every setting TRL has a field for is written (ipoNormalization and z0 have none).
        const withField = new Set<string>(Object.values(TRL_CONFIG_FIELDS));
        for (const s of lossSettings(id)) expect(carried.includes(s), `${id} ${s}`).toBe(withField.has(s));
      }
    }
    expect(LOSS_INFO.cdpo.trl.fields).toEqual(['beta']);
  });

  it('SimPO is trl.experimental.cpo CPOTrainer(loss_type="simpo"), ORPO trl.experimental.orpo ORPOTrainer (no loss_type)', () => {
    // cpo_config.py: beta, label_smoothing, loss_type, cpo_alpha, simpo_gamma; orpo_config.py: beta only.
    expect(LOSS_INFO.simpo.trl).toEqual({
      lossType: 'simpo',
      trainer: 'CPOTrainer',
      config: 'CPOConfig',
      module: 'trl.experimental.cpo',
      fields: ['beta', 'simpo_gamma', 'cpo_alpha', 'label_smoothing'],
    });
    expect(LOSS_INFO.orpo.trl).toEqual({
      lossType: null,
      withoutLossType: true,
      trainer: 'ORPOTrainer',
      config: 'ORPOConfig',
      module: 'trl.experimental.orpo',
      fields: ['beta'],
    });
    // CPOConfig's defaults.
    expect(LOSS_INFO.simpo.settings).toEqual({ simpoGamma: 0.5, cpoAlpha: 1, labelSmoothing: 0 });
    expect(lossSettings('orpo')).toEqual([]);
  });

  it('SimPO reads exactly γ, cpo_alpha and ε; ORPO none of them', () => {
    const input = { policyChosen: -2.5, policyRejected: -4, chosenLength: 3, rejectedLength: 2 };
    const base = { beta: BETA, simpoGamma: 0.5, cpoAlpha: 1, labelSmoothing: 0.1 };
    const changed: Record<Exclude<keyof ReferenceFreeParams, 'beta'>, number> = {
      simpoGamma: 1.7,
      cpoAlpha: 0.3,
      labelSmoothing: 0.3,
    };
    for (const id of REFERENCE_FREE_IDS)
      for (const [key, value] of Object.entries(changed)) {
        const a = referenceFreeLoss(id, input, base).loss;
        const b = referenceFreeLoss(id, input, { ...base, [key]: value }).loss;
        expect(a !== b, `${id} ${key}`).toBe(lossReads(id, key as LossSetting));
      }
  });
});

describe('TRL_METRIC_INFO: TRL’s logged metric names, once', () => {
  const run = (type: 'sigmoid' | 'kto' | 'simpo' | 'orpo') =>
    trainToyPolicy(
      {
        policy: {
          baseLogits: [0, 0, 0],
          features: [
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
          ],
        },
        refLogits: [0, 0, 0],
        pairs: [{ chosen: 0, rejected: 1, p: 0.9 }],
        unpaired: [
          { response: 0, desirable: true },
          { response: 1, desirable: false },
        ],
      },
      { loss: { type, beta: 0.5 }, optimizer: 'sgd', learningRate: 0.1, steps: 3 },
    );

  it('names are unique; pickers are computed metrics in order 1…n', () => {
    expect(new Set(TRL_METRIC_NAMES).size).toBe(TRL_METRIC_NAMES.length);
    const orders = TRL_METRIC_INFO.flatMap((m) => (m.picker ? [m.picker.order] : [])).sort((a, b) => a - b);
    expect(orders).toEqual(orders.map((_, i) => i + 1));
    for (const m of TRL_METRIC_INFO) if (m.picker) expect(m.computed, m.name).toBe(true);
    expect(PICKER_METRICS[0]).toBe('rewards/margins');
    expect(EXPLORER_METRIC_NAMES).toEqual([
      'loss',
      'rewards/chosen',
      'rewards/rejected',
      'rewards/accuracies',
      'rewards/margins',
      'logps/chosen',
      'logps/rejected',
      'kl',
      'nll_loss',
      'log_odds_ratio',
      'log_odds_chosen',
    ]);
    expect(PICKER_TICKED.every((n) => PICKER_METRICS.includes(n))).toBe(true);
  });

  it('the toy logs exactly the computed metrics its trainer logs', () => {
    const dpo = Object.keys(run('sigmoid').metrics).sort();
    const kto = Object.keys(run('kto').metrics).sort();
    expect(dpo).toEqual([...metricsLoggedBy('DPOTrainer', true)].sort());
    expect(kto).toEqual([...metricsLoggedBy('KTOTrainer', true)].sort());
    expect(dpo).toContain('rewards/accuracies');
    expect(kto).not.toContain('rewards/accuracies');
    expect(kto).toContain('kl');
    // The reference-free trainers: CPOTrainer (SimPO) logs nll_loss besides the pair metrics, ORPOTrainer
    // also log_odds_ratio and log_odds_chosen; neither logs kl.
    const simpo = Object.keys(run('simpo').metrics).sort();
    const orpo = Object.keys(run('orpo').metrics).sort();
    expect(simpo).toEqual([...metricsLoggedBy('CPOTrainer', true)].sort());
    expect(orpo).toEqual([...metricsLoggedBy('ORPOTrainer', true)].sort());
    expect(simpo).toEqual([...dpo, 'nll_loss'].sort());
    expect(orpo).toEqual([...simpo, 'log_odds_ratio', 'log_odds_chosen'].sort());
    const all = new Set<ToyMetricName>([
      ...metricsLoggedBy('DPOTrainer', true),
      ...metricsLoggedBy('KTOTrainer', true),
      ...metricsLoggedBy('ORPOTrainer', true),
    ]);
    expect([...all].sort()).toEqual(
      TRL_METRIC_INFO.filter((m) => m.computed)
        .map((m) => m.name)
        .sort(),
    );
  });

  it('batchMetrics returns the computed DPOTrainer metrics, and CONVENTIONS §4 names each', () => {
    const names = Object.keys(batchMetrics('sigmoid', [PAIR], { beta: BETA })).sort();
    expect(names).toEqual([...metricsLoggedBy('DPOTrainer', true)].sort());
    const section = CONVENTIONS.slice(
      CONVENTIONS.indexOf('## 4. Batch metrics'),
      CONVENTIONS.indexOf('## 5.'),
    );
    for (const name of names) expect(section, name).toContain(`\`${name}\``);
  });
});
