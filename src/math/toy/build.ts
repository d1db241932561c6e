// The explorer's toy problems from a few knobs (K, the reference, features, the data), shared by the app's
// controls and the named scenarios so that a preset and the sliders always describe the same problem.
import type { ToyPair, ToyProblem, ToyUnpaired } from './types.ts';
import { sigmoid } from '../stable.ts';
import { checkFinite, checkProbability, fail } from '../validate.ts';

/**
 * Where the data come from. 'pair': one pair, response 0 ≻ response 1 with probability p; 'ranking': every
 * pair of responses labelled Bradley–Terry style from hidden rewards, P(i ≻ j) = σ(r_i − r_j);
 * 'order': a deterministic total order, every pair of responses labelled i ≻ j for i < j with probability 1
 * (A ≻ B ≻ C …; with three responses the IPO paper's D1 = {a ≻ b, b ≻ c, a ≻ c}, Azar et al. 2023, §5.4);
 * 'thumbs-down': one undesirable example (response 0) and nothing else, which only KTO-style losses use.
 */
export type ToyDataset =
  | { kind: 'pair'; p: number }
  | { kind: 'ranking'; rewards: number[] }
  | { kind: 'order' }
  | { kind: 'thumbs-down' };

export interface ToySpec {
  /** Reference logits (log-probabilities up to a constant); the policy starts as a copy of the reference. */
  refLogits: number[];
  /** 'tabular': one free logit per response; 'shared': y_w and y_l share a feature (see sharedFeatures). */
  features: 'tabular' | 'shared';
  /** For 'shared': how much of y_w's and y_l's feature rows is the shared direction, in [0, 1). */
  similarity: number;
  dataset: ToyDataset;
  /**
   * Where the policy starts: offsets added to the reference logits (default all 0, the reference itself).
   * The policy's starting log-probabilities are log softmax(refLogits + startOffsets).
   */
  startOffsets?: number[];
  /** Completion tokens of each response (default all 1); they matter where a loss normalises by length. */
  lengths?: number[];
}

export function identityFeatures(K: number): number[][] {
  return Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => (i === j ? 1 : 0)));
}

/**
 * K responses, K + 1 features. y_w = (1 − s)·e₀ + s·u and y_l = (1 − s)·e₁ + 2s·u share the direction u,
 * y_l leaning on it twice as hard; every other response keeps its own feature. A DPO step moves θ along
 * f_w − f_l, so y_w's logit changes by ‖f_w‖² − ⟨f_w, f_l⟩ = (1 − s)² − s²: negative once s > ½. Past that
 * point each step lowers y_w's logit while the margin still grows (likelihood displacement).
 */
export function sharedFeatures(K: number, similarity: number): number[][] {
  const s = similarity;
  return Array.from({ length: K }, (_, k) => {
    const row = new Array<number>(K + 1).fill(0);
    if (k === 0) {
      row[0] = 1 - s;
      row[K] = s;
    } else if (k === 1) {
      row[1] = 1 - s;
      row[K] = 2 * s;
    } else row[k] = 1;
    return row;
  });
}

export function rankingPairs(rewards: readonly number[]): ToyPair[] {
  const pairs: ToyPair[] = [];
  for (let i = 0; i < rewards.length; i++)
    for (let j = i + 1; j < rewards.length; j++)
      pairs.push({ chosen: i, rejected: j, p: sigmoid(rewards[i] - rewards[j]) });
  return pairs;
}

/** Every pair of K responses in index order, each preference certain: i ≻ j for i < j with p = 1. */
export function orderPairs(K: number): ToyPair[] {
  const pairs: ToyPair[] = [];
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) pairs.push({ chosen: i, rejected: j, p: 1 });
  return pairs;
}

/**
 * The same preferences as unpaired KTO examples, as TRL converts a paired dataset: the chosen response
 * is desirable and the rejected one undesirable, with weight p, and the other way round with weight 1 − p.
 */
export function unpairedFromPairs(pairs: readonly ToyPair[]): ToyUnpaired[] {
  return pairs.flatMap(({ chosen, rejected, p, weight = 1 }) => {
    const out: ToyUnpaired[] = [];
    if (p > 0) {
      out.push({ response: chosen, desirable: true, weight: weight * p });
      out.push({ response: rejected, desirable: false, weight: weight * p });
    }
    if (p < 1) {
      out.push({ response: rejected, desirable: true, weight: weight * (1 - p) });
      out.push({ response: chosen, desirable: false, weight: weight * (1 - p) });
    }
    return out;
  });
}

/** The ToyProblem a spec describes: pairs for the pair losses and their unpaired conversion for KTO. */
export function buildToyProblem(spec: ToySpec): ToyProblem {
  const K = spec.refLogits.length;
  if (K < 2) fail('refLogits', 'needs at least two responses', K);
  spec.refLogits.forEach((l, i) => checkFinite(`refLogits[${i}]`, l));
  let pairs: ToyPair[];
  let unpaired: ToyUnpaired[];
  switch (spec.dataset.kind) {
    case 'pair':
      pairs = [{ chosen: 0, rejected: 1, p: checkProbability('p', spec.dataset.p) }];
      unpaired = unpairedFromPairs(pairs);
      break;
    case 'ranking':
      if (spec.dataset.rewards.length !== K)
        fail('rewards', `must have one entry per response (${K})`, spec.dataset.rewards.length);
      spec.dataset.rewards.forEach((r, i) => checkFinite(`rewards[${i}]`, r));
      pairs = rankingPairs(spec.dataset.rewards);
      unpaired = unpairedFromPairs(pairs);
      break;
    case 'order':
      pairs = orderPairs(K);
      unpaired = unpairedFromPairs(pairs);
      break;
    case 'thumbs-down':
      pairs = [];
      unpaired = [{ response: 0, desirable: false }];
      break;
    default:
      fail('dataset', 'is not a known kind', (spec.dataset as { kind: unknown }).kind);
  }
  const s = spec.similarity;
  if (spec.features === 'shared' && !(s >= 0 && s < 1)) fail('similarity', 'must be in [0, 1)', s);
  const start = spec.startOffsets;
  if (start !== undefined) {
    if (start.length !== K) fail('startOffsets', `must have one entry per response (${K})`, start.length);
    start.forEach((d, i) => checkFinite(`startOffsets[${i}]`, d));
  }
  if (spec.lengths !== undefined && spec.lengths.length !== K)
    fail('lengths', `must have one entry per response (${K})`, spec.lengths.length);
  return {
    policy: {
      baseLogits: spec.refLogits.map((l, k) => l + (start?.[k] ?? 0)),
      features: spec.features === 'shared' ? sharedFeatures(K, s) : identityFeatures(K),
    },
    refLogits: spec.refLogits.slice(),
    ...(spec.lengths ? { lengths: spec.lengths.slice() } : {}),
    pairs,
    unpaired,
  };
}
