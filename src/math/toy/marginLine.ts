// Where training ends for one pair under a loss of its own margin alone, for any features: the margin it
// stops at is a 1-D question, and where θ is then follows from the path the optimiser takes.
//
// With a single pair (w, l) and a loss of its margin m = aw·ρw − al·ρl only (aw = al = 1, or 1/L per token),
// the objective is E(m(θ)), E(m) = p·L(m) + (1 − p)·L(−m), and every gradient is E'(m)·∇m(θ). So:
// - the margin moves monotonically from m0 to the first stationary point of E downhill: a closed form where
//   E has one (CONVENTIONS.md §6), the kink of hinge, a bracketed root for DiscoPOP, or no end at all where
//   E decreases for ever (DPO with p = 1, robust DPO with p ≥ 1 − ε);
// - θ follows the flow of m: gradient descent (small steps) moves along ∇m, Adam along sign(∇m) (its m̂ and
//   √v̂ are nearly the same scalar times ∇m and |∇m|, so their ratio is sign(∇m) up to its ε).
// When the log-normaliser cancels from m (summed margin, or per token with equal lengths) ∇m = featuresᵀ·
// (e_w − e_l)·aw is constant: θ moves on a straight line, and the end is exact. With unequal lengths ∇m
// turns with π and the path is integrated (RK4 in m with step-size control). An unbounded end has a limit
// only on a straight line: the softmax of the base logits over the responses whose logits rise fastest.
//
// For a tabular policy with equal lengths both optimisers move logit w up and logit l down by the same
// amount: closedForm.ts's derivation. With shared features or unequal lengths the two optimisers end at
// different policies (the same margin, different π(y_w)), which is why the path follows the configured one.
import type { PairLossType } from '../types.ts';
import { optimalMargin, pairLossInfo, perTokenMargin } from '../lossInfo.ts';
import type { LossAndGrad } from '../pairKernels.ts';
import { plainMargin, type PreparedConfig, type PreparedProblem } from './prepare.ts';

/**
 * Pair losses that are a function of the pair's own margin alone (∂L/∂ρw = −∂L/∂ρl, or the per-token
 * version). The others (NCA, BCO, SPPO, APO) read ρw and ρl separately. tests/unit/toy.sweepConvergence.test.ts
 * checks this list against the kernels.
 */
export const MARGIN_ONLY_LOSSES: ReadonlySet<PairLossType> = new Set<PairLossType>([
  'sigmoid',
  'cdpo',
  'robust',
  'ipo',
  'hinge',
  'exo_pair',
  'discopop',
  'sigmoid_norm',
]);

/** |βm| beyond which every margin loss's slope has underflowed: a "root" found out there is not one. */
const UNDERFLOW_Z = 600;

export interface MarginLineEnd {
  /** 'converged': training stops at `theta`; 'unbounded': m runs off to ±∞ and `probs` is the limit. */
  status: 'converged' | 'unbounded';
  probs: number[];
  /** θ at the end; null when unbounded. */
  theta: number[] | null;
  /** A closed form: the end margin from CONVENTIONS.md §6 on a straight path (no search, no integration). */
  exact: boolean;
  /** Bisection steps of the 1-D search plus integration steps of a curved path (0 for a closed form). */
  iterations: number;
}

/** Where the margin stops: a finite m, or ±∞ (`sign`). */
type MarginEnd =
  { kind: 'finite'; m: number; exact: boolean; iterations: number } | { kind: 'unbounded'; sign: number };

const out1: LossAndGrad = { loss: 0, dw: 0, dl: 0 };
const out2: LossAndGrad = { loss: 0, dw: 0, dl: 0 };

function softmaxOf(x: ArrayLike<number>, include?: (k: number) => boolean): number[] {
  let max = -Infinity;
  for (let k = 0; k < x.length; k++) if ((!include || include(k)) && x[k] > max) max = x[k];
  const e = Array.from(x, (v, k) => (!include || include(k) ? Math.exp(v - max) : 0));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/** The first stationary point of E(m) = p·L(m) + (1 − p)·L(−m) downhill from m0, in the loss's own margin. */
function marginEnd(cfg: PreparedConfig, p: number, m0: number): MarginEnd {
  if (cfg.loss.kind !== 'pair') throw new Error('marginEnd: pair losses only');
  const { type, kernel, params } = cfg.loss;
  const optimum = pairLossInfo(type).optimum;
  if (optimum?.stationary) {
    const m = optimalMargin(type, p, {
      beta: params.beta,
      labelSmoothing: params.eps,
      ipoNormalization: params.ipoSum ? 'sum' : 'token',
      discopopTau: params.tau,
    });
    if (m !== null)
      return Number.isFinite(m)
        ? { kind: 'finite', m, exact: true, iterations: 0 }
        : { kind: 'unbounded', sign: Math.sign(m) };
  }
  // No stationary closed form (hinge, DiscoPOP): follow E' downhill from m0 to where it first stops
  // pointing onwards, then bisect that boundary. Lengths are folded into m.
  const saved = [params.invLw, params.invLl];
  params.invLw = 1;
  params.invLl = 1;
  const dE = (m: number): number => {
    kernel(m, 0, params, out1);
    kernel(0, m, params, out2);
    return p * out1.dw + (1 - p) * out2.dl;
  };
  try {
    const g0 = dE(m0);
    if (g0 === 0) return { kind: 'finite', m: m0, exact: false, iterations: 0 };
    const sign = g0 < 0 ? 1 : -1;
    const scale = 1 / params.beta;
    const onwards = (m: number): boolean => sign * dE(m) < 0;
    let lo = m0;
    let hi = m0;
    let step = 0.01 * scale;
    for (;;) {
      hi = lo + sign * step;
      if (!onwards(hi)) break;
      if (Math.abs(params.beta * hi) > UNDERFLOW_Z) return { kind: 'unbounded', sign };
      lo = hi;
      step *= 1.5;
    }
    let iterations = 0;
    while (iterations < 200) {
      const mid = 0.5 * (lo + hi);
      if (mid === lo || mid === hi) break;
      if (onwards(mid)) lo = mid;
      else hi = mid;
      iterations++;
    }
    if (Math.abs(params.beta * hi) > UNDERFLOW_Z) return { kind: 'unbounded', sign };
    // Past the boundary the slope is 0 (hinge with p = 1: flat beyond its kink) or points back (a kink
    // or a root). On a flat stretch step a hair further in, so that rounding in logits → m cannot land on
    // the sloped side: training, too, stops at its first step past the kink.
    if (dE(hi) === 0) hi += sign * 1e-10 * Math.max(Math.abs(hi), scale);
    return { kind: 'finite', m: hi, exact: false, iterations };
  } finally {
    params.invLw = saved[0];
    params.invLl = saved[1];
  }
}

/** Accuracy of θ per step along a curved path (RK4 with step doubling), relative to max(1, |θ|). */
const PATH_TOLERANCE = 1e-9;
/** Steps (accepted or not) before a curved path is left to Newton. */
const MAX_PATH_STEPS = 2000;
/**
 * The smallest step, relative to the whole path: Adam's flow sign(∇m) jumps where a component of ∇m
 * changes sign, and no step is accurate across the jump; it is taken anyway.
 */
const MIN_PATH_STEP = 1e-7;

/**
 * The end of training for a single pair under a margin-only loss, or null where this does not apply
 * (several pairs, KTO, a loss that reads ρw and ρl separately, an unbounded end on a curved path, or
 * features too small for float range).
 */
export function marginLineEnd(pb: PreparedProblem, cfg: PreparedConfig): MarginLineEnd | null {
  if (cfg.loss.kind !== 'pair' || pb.pairChosen.length !== 1 || !plainMargin(cfg)) return null;
  const { type, params } = cfg.loss;
  if (!MARGIN_ONLY_LOSSES.has(type)) return null;
  const { K, d, base, features, refLogp } = pb;
  const w = pb.pairChosen[0];
  const l = pb.pairRejected[0];
  const perToken = perTokenMargin(type, { ipoNormalization: params.ipoSum ? 'sum' : 'token' });
  const aw = perToken ? pb.invLength[w] : 1;
  const al = perToken ? pb.invLength[l] : 1;
  const adam = cfg.optimizer === 'adam';
  // The log-normaliser cancels from m: ∇m is constant and the path a straight line.
  const straight = aw === al;

  const x = new Float64Array(K);
  const probs = new Float64Array(K);
  /** Logits at θ into x, probabilities into probs; returns the margin m(θ). */
  const marginAt = (theta: ArrayLike<number>): number => {
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      let v = base[k];
      for (let j = 0; j < d; j++) v += features[k * d + j] * theta[j];
      x[k] = v;
      if (v > max) max = v;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += probs[k] = Math.exp(x[k] - max);
    for (let k = 0; k < K; k++) probs[k] /= sum;
    const lse = max + Math.log(sum);
    return aw * (x[w] - lse - refLogp[w]) - al * (x[l] - lse - refLogp[l]);
  };
  const grad = new Float64Array(d);
  /** ∇m(θ) (at the point marginAt last saw) into grad: featuresᵀ·(aw·e_w − al·e_l − (aw − al)·π). */
  const gradM = (): void => {
    for (let j = 0; j < d; j++) {
      let s = aw * features[w * d + j] - al * features[l * d + j];
      if (aw !== al) for (let k = 0; k < K; k++) s -= (aw - al) * probs[k] * features[k * d + j];
      grad[j] = s;
    }
  };
  /**
   * dθ/dm of the optimiser's flow at θ into out (∇m/|∇m|², or sign(∇m)/|∇m|₁), or with `normalised` only
   * its direction (largest entry 1); false where ∇m = 0.
   */
  const flow = (theta: ArrayLike<number>, out: Float64Array, normalised = false): boolean => {
    marginAt(theta);
    gradM();
    let gMax = 0;
    for (let j = 0; j < d; j++) gMax = Math.max(gMax, Math.abs(grad[j]));
    if (!(gMax > 0)) return false;
    let rate = 0;
    for (let j = 0; j < d; j++) {
      // Scaled by gMax (only the direction matters here), so that tiny features cannot underflow. On a
      // curved path Adam's sign is softened within 1% of the largest component: where a component of ∇m
      // hovers around 0, Adam's own averages shrink its step there instead of flipping it at full speed.
      const g = grad[j] / gMax;
      const dir = !adam ? g : straight ? (Math.abs(g) > 1e-12 ? Math.sign(g) : 0) : g / (Math.abs(g) + 0.01);
      out[j] = dir;
      rate += grad[j] * dir;
    }
    if (!normalised) for (let j = 0; j < d; j++) out[j] /= rate;
    return true;
  };

  const theta0 = new Float64Array(d);
  const m0 = marginAt(theta0);
  const end = marginEnd(cfg, pb.pairP[0], m0);

  if (end.kind === 'unbounded') {
    // On a straight line the limit is known; on a curved path it is Newton's to find.
    const dir = new Float64Array(d);
    if (!straight || !flow(theta0, dir, true)) return null;
    const rate = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += features[k * d + j] * dir[j];
      rate[k] = end.sign * s;
    }
    let top = -Infinity;
    let bottom = Infinity;
    for (const r of rate) {
      top = Math.max(top, r);
      bottom = Math.min(bottom, r);
    }
    const limit = softmaxOf(base, (k) => rate[k] >= top - 1e-12 * (top - bottom));
    if (!limit.every(Number.isFinite)) return null;
    return { status: 'unbounded', probs: limit, theta: null, exact: false, iterations: 0 };
  }

  const done = (theta: Float64Array, iterations: number): MarginLineEnd | null => {
    marginAt(theta);
    const p = Array.from(probs);
    // Features so small (subnormal) that the margin would need θ beyond float range: let Newton decide.
    if (!theta.every(Number.isFinite) || !p.every(Number.isFinite)) return null;
    const exact = end.exact && straight;
    return { status: 'converged', probs: p, theta: Array.from(theta), exact, iterations };
  };
  const dir = new Float64Array(d);
  // y_w and y_l cannot be told apart by θ: the margin cannot move and nothing trains.
  if (end.m === m0 || !flow(theta0, dir)) return done(theta0, end.iterations);
  if (straight) {
    const theta = dir.map((v) => v * (end.m - m0));
    return done(theta, end.iterations);
  }

  // A curved path: integrate dθ/dm from m0 to the end margin.
  const span = end.m - m0;
  const theta = Float64Array.from(theta0);
  const k1 = new Float64Array(d);
  const k2 = new Float64Array(d);
  const k3 = new Float64Array(d);
  const k4 = new Float64Array(d);
  const tmp = new Float64Array(d);
  const full = new Float64Array(d);
  const half = new Float64Array(d);
  /** One RK4 step of size h from `from` into `to`; false where the flow stops (∇m = 0). */
  const rk4 = (from: Float64Array, h: number, to: Float64Array): boolean => {
    if (!flow(from, k1)) return false;
    for (let j = 0; j < d; j++) tmp[j] = from[j] + 0.5 * h * k1[j];
    if (!flow(tmp, k2)) return false;
    for (let j = 0; j < d; j++) tmp[j] = from[j] + 0.5 * h * k2[j];
    if (!flow(tmp, k3)) return false;
    for (let j = 0; j < d; j++) tmp[j] = from[j] + h * k3[j];
    if (!flow(tmp, k4)) return false;
    for (let j = 0; j < d; j++) to[j] = from[j] + (h / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
    return true;
  };
  const mid = new Float64Array(d);
  let s = 0;
  let h = span / 16;
  let steps = 0;
  while (s !== span) {
    if (++steps > MAX_PATH_STEPS) return null;
    if (Math.abs(h) > Math.abs(span - s)) h = span - s;
    if (!rk4(theta, h, full) || !rk4(theta, h / 2, mid) || !rk4(mid, h / 2, half)) return null;
    let err = 0;
    let size = 1;
    for (let j = 0; j < d; j++) {
      err = Math.max(err, Math.abs(full[j] - half[j]));
      size = Math.max(size, Math.abs(half[j]));
    }
    if (err <= PATH_TOLERANCE * size || Math.abs(h) <= MIN_PATH_STEP * Math.abs(span)) {
      // Richardson: the two half steps, corrected by the difference to the full one.
      for (let j = 0; j < d; j++) theta[j] = half[j] + (half[j] - full[j]) / 15;
      s = Math.abs(span - (s + h)) < 1e-15 * Math.abs(span) ? span : s + h;
      if (err < 0.1 * PATH_TOLERANCE * size) h *= 2;
    } else h /= 2;
  }
  // Land exactly on the end margin (the integration is exact in m only up to its tolerance).
  for (let i = 0; i < 3; i++) {
    const miss = end.m - marginAt(theta);
    if (miss === 0 || !flow(theta, dir)) break;
    for (let j = 0; j < d; j++) theta[j] += miss * dir[j];
  }
  return done(theta, end.iterations + steps);
}
