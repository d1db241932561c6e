// Validates a toy problem and training config once and turns them into flat typed arrays, so that the
// training loop reads numbers from memory and never re-checks or allocates.
import type { KtoLossType, PairLossType, ReferenceFreeLossType, ReferenceFreeParams } from '../types.ts';
import type { ToyLossConfig, ToyLossType, ToyProblem, ToyTrainConfig } from './types.ts';
import { PAIR_KERNELS, type KernelParams, type PairKernel } from '../pairKernels.ts';
import { checkPairLossType, kernelParams } from '../pairLoss.ts';
import { evaluateWithDivergence } from '../fDivergence.ts';
import {
  isKtoLoss,
  isLossId,
  isPairLoss,
  isReferenceFreeLoss,
  LOSS_INFO,
  pairLossInfo,
  takesAsExtraTerm,
  takesLdAlpha,
  takesWpoWeighting,
} from '../lossInfo.ts';
import { checkLdAlpha, LD_ALPHA_OFF } from '../ldWpo.ts';
import { referenceFreeLoss } from '../referenceFree.ts';
import { checkKtoParams, type CheckedKtoParams } from '../kto.ts';
import {
  checkFinite,
  checkIndex,
  checkLength,
  checkNonNegative,
  checkPositive,
  checkProbability,
  fail,
} from '../validate.ts';

/** Far beyond any plot, small enough that a typo cannot freeze the tab or fill memory. */
export const MAX_TOY_STEPS = 100_000;

export interface PreparedProblem {
  /** Responses. */
  K: number;
  /** Parameters. */
  d: number;
  base: Float64Array;
  /** K×d, row-major. */
  features: Float64Array;
  /** features is exactly the identity: the loops skip the matrix products. */
  tabular: boolean;
  refLogp: Float64Array;
  /** 1 / lengths[y]. */
  invLength: Float64Array;
  /** lengths[y] (tokens, default 1): the reference-free losses take the lengths themselves. */
  length: Float64Array;
  pairChosen: Int32Array;
  pairRejected: Int32Array;
  pairP: Float64Array;
  /** Pair weights divided by their sum, so the objective is a plain weighted sum. */
  pairWeight: Float64Array;
  unpairedResponse: Int32Array;
  unpairedDesirable: Uint8Array;
  unpairedWeight: Float64Array;
}

/** One pair-loss term of TRL's loss list, ready for the loop (the main loss, or one of extraTerms). */
export interface PreparedTerm {
  type: PairLossType;
  kernel: PairKernel;
  /** The term's own copy (the kernels read the pair's lengths from it), β and the settings shared. */
  params: KernelParams;
  /** What the kernel reads: the log-ratios ρ, or log π itself (sft); the loss's row in lossInfo.ts. */
  reads: 'logRatios' | 'logProbs';
  /** LD-DPO's α (1: off, and always 1 for a loss it does not change: takesLdAlpha). */
  ldAlpha: number;
  /** WPO's use_weighting (false for a loss it does not change: takesWpoWeighting). */
  wpo: boolean;
  /** Its loss_weights entry. */
  weight: number;
}

export type PreparedLoss =
  | {
      kind: 'pair';
      type: Exclude<ToyLossType, KtoLossType | ReferenceFreeLossType>;
      kernel: PairKernel;
      params: KernelParams;
      /** What the kernel reads: the log-ratios ρ, or log π itself (sft); the loss's row in lossInfo.ts. */
      reads: 'logRatios' | 'logProbs';
      /** TRL's loss_weights[0] (ToyLossConfig.mainWeight; 1 unless given). */
      mainWeight: number;
      /** The further terms of the list (ToyLossConfig.extraTerms), each with its own kernel and params. */
      extra: PreparedTerm[];
      /** The weight of the SFT term beside the loss (ToyLossConfig.sftWeight; 0: none). */
      sftWeight: number;
      /** LD-DPO's α (1: off, and always 1 for a loss it does not change: takesLdAlpha). */
      ldAlpha: number;
      /** WPO's use_weighting (false for a loss it does not change: takesWpoWeighting). */
      wpo: boolean;
    }
  | { kind: 'kto'; type: KtoLossType; params: CheckedKtoParams; z0: 'kl' | 'batch' | 'fixed' }
  /** SimPO / ORPO: referenceFreeLoss on the policy's summed log-probs log π(y) and the lengths. */
  | { kind: 'reference-free'; type: ReferenceFreeLossType; params: Required<ReferenceFreeParams> };

export interface PreparedConfig {
  loss: PreparedLoss;
  beta: number;
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  steps: number;
  /**
   * TR-DPO's moving reference (ToyTrainConfig.refSync), or null for a fixed one: also null when α = 0 (the
   * mix is then the reference itself, and skipping it keeps the run bit-identical to the fixed one) and for
   * the reference-free losses, which have no reference to move.
   */
  refSync: { alpha: number; every: number } | null;
}

/** Validates ToyTrainConfig.refSync (RangeError naming the field); null when the reference stays fixed. */
function prepareRefSync(value: unknown, loss: PreparedLoss): PreparedConfig['refSync'] {
  if (value === undefined) return null;
  checkObject('refSync', value);
  const { mixupAlpha, syncSteps } = value as { mixupAlpha: unknown; syncSteps: unknown };
  const alpha = checkProbability('refSync.mixupAlpha', mixupAlpha);
  if (typeof syncSteps !== 'number' || !Number.isInteger(syncSteps) || syncSteps < 1)
    fail('refSync.syncSteps', 'must be a whole number ≥ 1', syncSteps);
  return alpha === 0 || loss.kind === 'reference-free' ? null : { alpha, every: syncSteps };
}

function checkObject(field: string, value: unknown): void {
  if (value === null || typeof value !== 'object') fail(field, 'must be an object', value);
}

function finiteVector(field: string, value: unknown, size?: number): Float64Array {
  if (!Array.isArray(value)) fail(field, 'must be an array of numbers', value);
  if (size !== undefined && value.length !== size)
    fail(field, `must have ${size} entries, one per response`, `${value.length} entries`);
  const out = new Float64Array(value.length);
  value.forEach((x, i) => (out[i] = checkFinite(`${field}[${i}]`, x)));
  return out;
}

/** log-softmax of finite logits, shifted by the maximum. */
function logSoftmaxOf(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const x of logits) max = Math.max(max, x);
  let sum = 0;
  for (const x of logits) sum += Math.exp(x - max);
  const lse = max + Math.log(sum);
  return logits.map((x) => x - lse);
}

function normalisedWeights(field: string, weights: Float64Array): Float64Array {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) fail(field, 'must have weights that sum to more than 0', total);
  return weights.map((w) => w / total);
}

export function prepareProblem(problem: ToyProblem): PreparedProblem {
  checkObject('problem', problem);
  checkObject('policy', problem.policy);
  const base = finiteVector('policy.baseLogits', problem.policy.baseLogits);
  const K = base.length;
  if (K < 2) fail('policy.baseLogits', 'must list at least 2 responses', K);
  const refLogits = finiteVector('refLogits', problem.refLogits, K);

  const rows: unknown = problem.policy.features;
  if (!Array.isArray(rows) || rows.length !== K)
    fail('policy.features', `must be a K×d array with K = ${K} rows`, rows);
  const first: unknown = rows[0];
  const d = Array.isArray(first) ? first.length : 0;
  if (d < 1) fail('policy.features', 'must have at least one column', d);
  const features = new Float64Array(K * d);
  let tabular = d === K;
  rows.forEach((row: unknown, k) => {
    const r = finiteVector(`policy.features[${k}]`, row);
    if (r.length !== d) fail(`policy.features[${k}]`, `must have ${d} columns like row 0`, r.length);
    features.set(r, k * d);
    for (let j = 0; j < d; j++) if (r[j] !== (j === k ? 1 : 0)) tabular = false;
  });

  const invLength = new Float64Array(K).fill(1);
  const length = new Float64Array(K).fill(1);
  if (problem.lengths !== undefined) {
    if (!Array.isArray(problem.lengths) || problem.lengths.length !== K)
      fail('lengths', `must have ${K} entries, one per response`, problem.lengths);
    problem.lengths.forEach((L, k) => {
      length[k] = checkLength(`lengths[${k}]`, L);
      invLength[k] = 1 / length[k];
    });
  }

  const pairs = problem.pairs ?? [];
  if (!Array.isArray(pairs)) fail('pairs', 'must be an array', pairs);
  const n = pairs.length;
  const pairChosen = new Int32Array(n);
  const pairRejected = new Int32Array(n);
  const pairP = new Float64Array(n);
  const pairWeight = new Float64Array(n);
  pairs.forEach((pair, i) => {
    const f = `pairs[${i}]`;
    checkObject(f, pair);
    pairChosen[i] = checkIndex(`${f}.chosen`, pair.chosen, K);
    pairRejected[i] = checkIndex(`${f}.rejected`, pair.rejected, K);
    if (pair.chosen === pair.rejected) fail(`${f}.rejected`, 'must differ from chosen', pair.rejected);
    pairP[i] = checkProbability(`${f}.p`, pair.p);
    pairWeight[i] = checkNonNegative(`${f}.weight`, pair.weight ?? 1);
  });

  const unpaired = problem.unpaired ?? [];
  if (!Array.isArray(unpaired)) fail('unpaired', 'must be an array', unpaired);
  const m = unpaired.length;
  const unpairedResponse = new Int32Array(m);
  const unpairedDesirable = new Uint8Array(m);
  const unpairedWeight = new Float64Array(m);
  unpaired.forEach((u, i) => {
    const f = `unpaired[${i}]`;
    checkObject(f, u);
    unpairedResponse[i] = checkIndex(`${f}.response`, u.response, K);
    if (typeof u.desirable !== 'boolean') fail(`${f}.desirable`, 'must be true or false', u.desirable);
    unpairedDesirable[i] = u.desirable ? 1 : 0;
    unpairedWeight[i] = checkNonNegative(`${f}.weight`, u.weight ?? 1);
  });

  return {
    K,
    d,
    base,
    features,
    tabular,
    refLogp: logSoftmaxOf(refLogits),
    invLength,
    length,
    pairChosen,
    pairRejected,
    pairP,
    pairWeight: n > 0 ? normalisedWeights('pairs', pairWeight) : pairWeight,
    unpairedResponse,
    unpairedDesirable,
    unpairedWeight: m > 0 ? normalisedWeights('unpaired', unpairedWeight) : unpairedWeight,
  };
}

/**
 * Whether a prepared pair loss is still a function of its margin alone, as its row says: not when an SFT term
 * or further terms sit beside it (it reads log π(y_w)) nor under an f-divergence it reads (scores are not a function of ρw − ρl).
 * The margin shortcuts (marginLine.ts, closedForm.ts) hold only then.
 */
export function plainMargin(cfg: PreparedConfig): boolean {
  if (cfg.loss.kind !== 'pair') return false;
  const { type, params, sftWeight, extra, mainWeight } = cfg.loss;
  // A list's further terms (or a main weight ≠ 1) are outside the shortcuts' single-loss algebra.
  return (
    sftWeight === 0 &&
    extra.length === 0 &&
    mainWeight === 1 &&
    (params.divergence === 'reverse_kl' || pairLossInfo(type).divergence === 'ignored')
  );
}

/**
 * One pair-loss term: its kernel (the f-divergence applied as pairLoss applies it: scores in place of
 * log-ratios, fDivergence.ts), its own params, and LD / WPO where TRL applies them to this loss type.
 */
function prepareTerm(type: PairLossType, lossConfig: ToyLossConfig, weight: number): PreparedTerm {
  const params = kernelParams(type, lossConfig);
  const base = PAIR_KERNELS[type];
  const scored = params.divergence !== 'reverse_kl' && pairLossInfo(type).divergence !== 'ignored';
  const kernel: PairKernel = scored
    ? (rw, rl, k, out) => evaluateWithDivergence(type, base, rw, rl, k, out)
    : base;
  const ldAlpha = takesLdAlpha(type) ? checkLdAlpha(lossConfig.ldAlpha ?? LD_ALPHA_OFF) : LD_ALPHA_OFF;
  const wpo = lossConfig.wpoWeighting ?? false;
  if (typeof wpo !== 'boolean') fail('wpoWeighting', 'must be true or false', wpo);
  return {
    type,
    kernel,
    params,
    reads: pairLossInfo(type).reads,
    ldAlpha,
    wpo: wpo && takesWpoWeighting(type),
    weight,
  };
}

/** ToyLossConfig.extraTerms, validated (a RangeError naming extraTerms[i].type or .weight). */
function prepareExtraTerms(lossConfig: ToyLossConfig): PreparedTerm[] {
  const terms: unknown = lossConfig.extraTerms ?? [];
  if (!Array.isArray(terms)) fail('extraTerms', 'must be an array of { type, weight }', terms);
  return terms.map((term: unknown, i) => {
    const f = `extraTerms[${i}]`;
    checkObject(f, term);
    const { type, weight } = term as { type: unknown; weight: unknown };
    if (typeof type !== 'string' || !isLossId(type) || !takesAsExtraTerm(type))
      fail(
        `${f}.type`,
        "must be a DPOTrainer pair loss that TRL's loss_type names (not KTO, SimPO, ORPO, cdpo; sft is sftWeight; " +
          'aot sorts a batch the toy does not have)',
        type,
      );
    return prepareTerm(type, lossConfig, checkFinite(`${f}.weight`, weight));
  });
}

export function prepareConfig(config: ToyTrainConfig): PreparedConfig {
  checkObject('config', config);
  checkObject('loss', config.loss);
  const lossConfig = config.loss;
  let loss: PreparedLoss;
  if (!isPairLoss(lossConfig.type)) {
    // KTOTrainer, CPOTrainer and ORPOTrainer take one loss: no loss_type list, no loss_weights.
    if (
      lossConfig.extraTerms !== undefined &&
      (!Array.isArray(lossConfig.extraTerms) || lossConfig.extraTerms.length > 0)
    )
      fail(
        'extraTerms',
        `must be empty for '${String(lossConfig.type)}': only a DPOTrainer pair loss takes a loss list`,
        lossConfig.extraTerms,
      );
    if (lossConfig.mainWeight !== undefined && lossConfig.mainWeight !== 1)
      fail(
        'mainWeight',
        `must be 1 for '${String(lossConfig.type)}': only a DPOTrainer pair loss takes loss_weights`,
        lossConfig.mainWeight,
      );
  }
  if (isKtoLoss(lossConfig.type)) {
    const z0 = lossConfig.z0 ?? 'kl';
    if (z0 !== 'kl' && z0 !== 'batch' && (typeof z0 !== 'number' || !Number.isFinite(z0)))
      fail('z0', "must be 'kl', 'batch' or a finite number", z0);
    const params = checkKtoParams({
      beta: lossConfig.beta,
      z0: typeof z0 === 'number' ? z0 : 0,
      desirableWeight: lossConfig.desirableWeight,
      undesirableWeight: lossConfig.undesirableWeight,
    });
    loss = { kind: 'kto', type: lossConfig.type, params, z0: typeof z0 === 'number' ? 'fixed' : z0 };
  } else if (isReferenceFreeLoss(lossConfig.type)) {
    const type = lossConfig.type;
    // The row's defaults (CPOConfig's); settings the loss does not read are carried but never used.
    const defaults = LOSS_INFO.simpo.settings;
    const params: Required<ReferenceFreeParams> = {
      beta: lossConfig.beta,
      simpoGamma: lossConfig.simpoGamma ?? defaults.simpoGamma,
      cpoAlpha: lossConfig.cpoAlpha ?? defaults.cpoAlpha,
      labelSmoothing: lossConfig.labelSmoothing ?? defaults.labelSmoothing,
    };
    // One evaluation validates every setting (a RangeError naming the field) before the loop runs.
    referenceFreeLoss(
      type,
      { policyChosen: -1, policyRejected: -1, chosenLength: 1, rejectedLength: 1 },
      params,
    );
    loss = { kind: 'reference-free', type, params };
  } else {
    const type = checkPairLossType(lossConfig.type);
    const main = prepareTerm(type, lossConfig, checkFinite('mainWeight', lossConfig.mainWeight ?? 1));
    const sftWeight = checkFinite('sftWeight', lossConfig.sftWeight ?? 0);
    loss = {
      kind: 'pair',
      type,
      kernel: main.kernel,
      params: main.params,
      reads: main.reads,
      mainWeight: main.weight,
      extra: prepareExtraTerms(lossConfig),
      sftWeight,
      ldAlpha: main.ldAlpha,
      wpo: main.wpo,
    };
  }
  const optimizer = config.optimizer;
  if (optimizer !== 'sgd' && optimizer !== 'adam') fail('optimizer', "must be 'sgd' or 'adam'", optimizer);
  const steps = config.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0 || steps > MAX_TOY_STEPS)
    fail('steps', `must be a whole number in 0…${MAX_TOY_STEPS}`, steps);
  return {
    loss,
    beta: loss.params.beta,
    optimizer,
    learningRate: checkPositive('learningRate', config.learningRate),
    steps,
    refSync: prepareRefSync(config.refSync, loss),
  };
}

/** The checks that need both halves: a pair loss needs pairs, KTO needs unpaired examples. */
export function checkCompatible(problem: PreparedProblem, config: PreparedConfig): void {
  if (config.loss.kind !== 'kto' && problem.pairChosen.length === 0)
    fail('pairs', `must not be empty for the pair loss '${config.loss.type}'`, 0);
  if (config.loss.kind === 'kto' && problem.unpairedResponse.length === 0)
    fail('unpaired', `must not be empty for '${config.loss.type}'`, 0);
}

/** The same config at another β (for sweeps), without validating everything again. */
export function withBeta(config: PreparedConfig, beta: number): PreparedConfig {
  checkPositive('beta', beta);
  // Identical-looking branches so that TypeScript keeps each kind's own params type.
  const loss: PreparedLoss =
    config.loss.kind === 'pair'
      ? {
          ...config.loss,
          params: { ...config.loss.params, beta },
          extra: config.loss.extra.map((t) => ({ ...t, params: { ...t.params, beta } })),
        }
      : config.loss.kind === 'kto'
        ? { ...config.loss, params: { ...config.loss.params, beta } }
        : { ...config.loss, params: { ...config.loss.params, beta } };
  return { ...config, loss, beta };
}
