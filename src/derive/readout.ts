// The numbers of the readout for one loss and the store's pair, with their formulas. Values come from the
// math module (through pairValues.ts) and are never recomputed here; only the inputs shown in the substituted
// formulas (ρw, h, …) are derived, by plain subtraction.
import {
  checkDivergence,
  fScore,
  isKtoLoss,
  isPairLoss,
  pairLossInfo,
  isReferenceFreeLoss,
  lossInfo,
  orpoLogOdds,
  lossReads,
  perTokenMargin,
  sigmoid,
  ldPair,
  LD_ALPHA_OFF,
  type FDivergence,
  type LossId,
  type PairInput,
} from '../math/index.ts';
import type { Z0Mode } from '../state/appState.ts';
import type { ReadoutRowKey } from '../i18n/types/readout.ts';
import {
  pairInputOf,
  pairParamsOf,
  pairZ0,
  referenceFreeParamsOf,
  ldAlphaOf,
  sftWeightOf,
  extraTermsOf,
  wpoOf,
  wpoPairWeightOf,
  type PairLossFields,
} from './mathParams.ts';
import { formulaParts } from './formulaVariants.ts';
import { pairValuesOf } from './pairValues.ts';
import {
  numericFormula,
  symbolicFormula,
  type Formula,
  type Values,
  type WhereLine,
} from './formulaTemplate.ts';
import {
  LHS,
  LOSS_SPECS,
  REFERENCE_FREE_REWARD_SPECS,
  REWARD_SPECS,
  WHERE,
  type LossSpec,
  type WhereKey,
} from './formulas.ts';

export const READOUT_ROWS: readonly ReadoutRowKey[] = [
  'loss',
  'dChosen',
  'dRejected',
  'rewards/chosen',
  'rewards/rejected',
  'rewards/margins',
  'rewards/accuracies',
];

/** The fields of the state the readout reads. */
export type ReadoutInputs = PairLossFields;

/** A note shown next to a number where TRL, the papers or this readout's choices need saying. */
export type ReadoutNote =
  | { kind: 'ipoToken' | 'ipoSum' | 'cdpo' | 'sigmoidNorm' | 'robustNegative' }
  | { kind: 'rewardsSummed' | 'ktoNoAccuracy' | 'ktoMargins' }
  /** SimPO / ORPO: no reference model (the loss and the rewards read log πθ per token). */
  | { kind: 'noReference' | 'rewardsNoReference' }
  | { kind: 'ktoZ0Estimated'; mode: Exclude<Z0Mode, 'fixed'> }
  | { kind: 'ktoZ0Fixed'; z0: number }
  | { kind: 'ktoLossSum'; trlMean: number }
  | { kind: 'ldAlpha'; alpha: number; factorChosen: number; factorRejected: number }
  | { kind: 'wpo'; weight: number };

export interface ReadoutCell {
  /** null: the trainer does not log it (KTO's accuracy). */
  value: number | null;
  formula: Formula;
  substituted: Formula;
  notes: ReadoutNote[];
}

export type LossReadout =
  | { id: LossId; ok: true; cells: Record<ReadoutRowKey, ReadoutCell> }
  | { id: LossId; ok: false; problem: { kind: 'invalid'; message: string } };

interface RowValues {
  loss: number;
  dChosen: number;
  dRejected: number;
  'rewards/chosen': number;
  'rewards/rejected': number;
  'rewards/margins': number;
  'rewards/accuracies': number | null;
  /** The loss list's further terms (pairValues.ts), for the L₊ lines. */
  extra: { loss: number; dChosen: number; dRejected: number } | null;
}

/** The symbols' values; `eps` is the ε the loss computes with (EXO's smallest ε applied). */
function symbolValues(s: ReadoutInputs, pair: Required<PairInput>, eps: number, z0: number): Values {
  const rw = pair.policyChosen - pair.refChosen;
  const rl = pair.policyRejected - pair.refRejected;
  const h = rw - rl;
  const z = s.beta * h;
  const muw = pair.policyChosen / s.chosenLength;
  const mul = pair.policyRejected / s.rejectedLength;
  return {
    beta: s.beta,
    eps,
    tau: s.discopopTau,
    Lw: s.chosenLength,
    Ll: s.rejectedLength,
    z0,
    lamD: s.desirableWeight,
    lamU: s.undesirableWeight,
    lw: pair.policyChosen,
    ll: pair.policyRejected,
    refw: pair.refChosen,
    refl: pair.refRejected,
    rw,
    rl,
    h,
    hbar: rw / s.chosenLength - rl / s.rejectedLength,
    z,
    m: sigmoid(z / s.discopopTau),
    // No reference (SimPO, ORPO): the per-token means of the policy's own log-probs, SimPO's logit as TRL
    // forms it and ORPO's log odds ratio (from the math module).
    gamma: s.simpoGamma,
    alpha: s.cpoAlpha,
    muw,
    mul,
    x: s.beta * (muw - mul - s.simpoGamma / s.beta),
    o: orpoLogOdds(muw, mul),
  };
}

/**
 * The symbols' values with the divergence's scores: s and s′ from the math module (fScore, clamp included),
 * and the margins h, h̄, z, m of the scores, as the loss reads them.
 */
function scoreValues(vals: Values, divergence: Exclude<FDivergence, 'reverse_kl'>, s: ReadoutInputs): Values {
  const alpha = s.fAlphaDivergenceCoef;
  const w = { s: 0, ds: 0 };
  const l = { s: 0, ds: 0 };
  fScore(divergence, alpha, vals.rw ?? NaN, w);
  fScore(divergence, alpha, vals.rl ?? NaN, l);
  const h = w.s - l.s;
  const z = s.beta * h;
  return {
    ...vals,
    alpha,
    sw: w.s,
    sl: l.s,
    dsw: w.ds,
    dsl: l.ds,
    h,
    hbar: w.s / s.chosenLength - l.s / s.rejectedLength,
    z,
    m: sigmoid(z / s.discopopTau),
  };
}

function rowValues(
  id: LossId,
  s: ReadoutInputs,
  pair: Required<PairInput>,
  policy: readonly number[] | undefined,
): RowValues {
  const v = pairValuesOf(id, s, pair, policy);
  return {
    loss: v.loss,
    dChosen: v.dChosen,
    dRejected: v.dRejected,
    'rewards/chosen': v.rewardChosen,
    'rewards/rejected': v.rewardRejected,
    'rewards/margins': v.rewardMargin,
    'rewards/accuracies': v.rewardAccuracy,
    extra: v.extra ?? null,
  };
}

function lossNotes(id: LossId, s: ReadoutInputs, values: RowValues, z0: number): ReadoutNote[] {
  const notes: ReadoutNote[] = [];
  if (lossReads(id, 'ipoNormalization'))
    notes.push({ kind: s.ipoNormalization === 'token' ? 'ipoToken' : 'ipoSum' });
  const { trl } = lossInfo(id);
  if (trl.lossType === null && trl.withoutLossType !== true) notes.push({ kind: 'cdpo' });
  if (id === 'sigmoid_norm') notes.push({ kind: 'sigmoidNorm' });
  if (id === 'robust' && values.loss < 0) notes.push({ kind: 'robustNegative' });
  if (isReferenceFreeLoss(id)) notes.push({ kind: 'noReference' });
  if (isKtoLoss(id)) {
    notes.push({ kind: 'ktoLossSum', trlMean: values.loss / 2 });
    if (lossReads(id, 'z0'))
      notes.push(
        s.z0Mode === 'fixed' ? { kind: 'ktoZ0Fixed', z0 } : { kind: 'ktoZ0Estimated', mode: s.z0Mode },
      );
  }
  return notes;
}

function cell(
  lhs: Formula,
  rhs: Formula,
  where: readonly WhereKey[] | readonly WhereLine[],
  vals: Values,
  value: number | null,
): ReadoutCell {
  const lines = where.map((w) => (typeof w === 'string' ? WHERE[w] : w));
  const main = { lhs, rhs };
  return {
    value,
    formula: symbolicFormula(main, lines),
    substituted: numericFormula(main, lines, vals, value ?? NaN),
    notes: [],
  };
}

/** `pair`: the pair shown (default the start pair; the time cursor passes the loss's run at its step). */
export function lossReadout(
  id: LossId,
  s: ReadoutInputs,
  pair: Required<PairInput> = pairInputOf(s),
  policy?: readonly number[],
): LossReadout {
  // The same parameters as the plots, the trainer and the TRL code (derive/mathParams.ts): EXO computes
  // with at least its smallest ε; z0 is estimated during training ('kl', 'batch'), and one pair alone has
  // no estimate, so 0 (with a note).
  const z0 = pairZ0(s);
  let values: RowValues;
  try {
    values = rowValues(id, s, pair, policy);
  } catch (e) {
    if (e instanceof RangeError) return { id, ok: false, problem: { kind: 'invalid', message: e.message } };
    throw e;
  }
  const eps = isReferenceFreeLoss(id)
    ? referenceFreeParamsOf(id, s).labelSmoothing
    : pairParamsOf(id, s).labelSmoothing;
  // LD-DPO: the formulas read the scaled pair (ρ = f·ρ, as the loss and TRL's rewards do); a note says so.
  const alphaLd = ldAlphaOf(id, s);
  const ld = alphaLd === LD_ALPHA_OFF ? null : ldPair(pair, alphaLd);
  const vals = symbolValues(s, ld ? ld.pair : pair, eps, z0);
  const rewardSpecs = isReferenceFreeLoss(id) ? REFERENCE_FREE_REWARD_SPECS : REWARD_SPECS;
  const params = pairParamsOf(id, s);
  const spec: LossSpec = LOSS_SPECS[id === 'ipo' && s.ipoNormalization === 'sum' ? 'ipo_sum' : id];
  // TRL's f-divergence and SFT term, as this loss takes them (formulaVariants.ts); the rewards stay on ρ.
  const use = isPairLoss(id) ? pairLossInfo(id).divergence : 'ignored';
  const divergence =
    use !== 'ignored' && checkDivergence(params).divergence !== 'reverse_kl'
      ? (s.fDivergence as Exclude<FDivergence, 'reverse_kl'>)
      : null;
  const sftw = sftWeightOf(id, s);
  const parts = formulaParts(spec, divergence, use, sftw, extraTermsOf(id, s));
  const lossVals = divergence ? scoreValues(vals, divergence, s) : vals;
  lossVals.sftw = sftw;
  if (values.extra) {
    lossVals.xl = values.extra.loss;
    lossVals.dxw = values.extra.dChosen;
    lossVals.dxl = values.extra.dRejected;
  }
  const cells = {
    loss: cell(LHS.loss, parts.spec.loss, parts.where, lossVals, values.loss),
    dChosen: cell(LHS.dChosen, parts.spec.dChosen, parts.where, lossVals, values.dChosen),
    dRejected: cell(LHS.dRejected, parts.spec.dRejected, parts.where, lossVals, values.dRejected),
  } as Record<ReadoutRowKey, ReadoutCell>;
  for (const key of [
    'rewards/chosen',
    'rewards/rejected',
    'rewards/margins',
    'rewards/accuracies',
  ] as const) {
    const r = rewardSpecs[key];
    cells[key] = cell(LHS[key], r.rhs, r.where, vals, values[key]);
  }
  cells.loss.notes = lossNotes(id, s, values, z0);
  if (ld)
    cells.loss.notes.push({
      kind: 'ldAlpha',
      alpha: alphaLd,
      factorChosen: ld.factorChosen,
      factorRejected: ld.factorRejected,
    });
  if (wpoOf(id, s)) cells.loss.notes.push({ kind: 'wpo', weight: wpoPairWeightOf(id, s, policy) });
  // TRL logs rewards from summed log-ratios even where the loss's own margin is per token (IPO's).
  if (lossReads(id, 'ipoNormalization') && perTokenMargin(id, s))
    cells['rewards/margins'].notes.push({ kind: 'rewardsSummed' });
  if (isReferenceFreeLoss(id)) cells['rewards/chosen'].notes.push({ kind: 'rewardsNoReference' });
  if (isKtoLoss(id)) {
    cells['rewards/margins'].notes.push({ kind: 'ktoMargins' });
    cells['rewards/accuracies'].notes.push({ kind: 'ktoNoAccuracy' });
  }
  return { id, ok: true, cells };
}
