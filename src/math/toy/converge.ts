// Where training ends: the toy policy trained until it has converged, with step sizes of its own chosen so
// that it converges whatever the user's learning rate, or a clear statement that it does not.
//
// 1. One pair under a loss of its margin alone (marginLine.ts): exact, along the direction the configured
//    optimiser moves θ in (gradient descent: a; Adam: sign(a)).
// 2. Everything else: damped Newton from θ = 0 on the objective (CONVENTIONS.md §5). θ has at most a handful
//    of entries, so each iteration builds the Hessian, diagonalises it and steps −Σ qᵢ(qᵢ·g)/|λᵢ| (directions
//    of negative curvature are walked downhill, not towards a saddle; directions without curvature get a
//    gradient step, or none when the gradient has nothing there), capped to a trust radius in logit units
//    and cut back until the objective decreases (Armijo). The Hessian is exact in structure: the chain rule
//    through the softmax, with each loss term's own curvature in ρ from central differences of its exact
//    gradient, so that curvatures of 10⁻¹² in a saturated tail keep their relative accuracy.
// 3. Hinge on several pairs is piecewise linear (no curvature, minimum on kinks): Newton on hinge smoothed at
//    falling temperatures, each stage starting where the last ended.
//
// Criterion (CONVERGENCE_CRITERION): converged when max_j |∂objective/∂θ_j| ≤ 1e-9 and the next Newton step
// would change no logit difference, hence no log-probability, by more than 1e-9. Otherwise the status says
// why not:
// - 'unbounded': the objective keeps decreasing as θ runs off to infinity, so training never ends (DPO with
//   p = 1, KTO, losses that saturate). Seen as ESCAPE_STEPS full Newton steps in a row that do not shrink
//   while the gradient is already below the tolerance (an exponential tail: each fixed-length step divides
//   the gradient by a constant) or that hit the trust radius (a loss unbounded below: robust DPO with
//   p ≥ 1 − ε); or as a stop with a response whose probability is below e^−30 and still falling. `probs` is
//   then the limit: the softmax, at their current odds, over the responses whose logits rise fastest.
//   A finite optimum deeper in a tail than the tolerance can see (βh* ≳ 20, i.e. p within ~10⁻⁹ of 1) is
//   indistinguishable from none and is reported the same way.
// - 'kink': hinge with p ≠ ½, 1: training ends at a kink, the minimum, where the gradient does not vanish:
//   a fixed step size oscillates around it for ever. `probs` is the kink.
// - 'stalled': the steps stopped lowering the objective while the gradient stayed (NCA with p = 1 at large
//   β, whose rejected response escapes too slowly to tell); `probs` is the last iterate.
// - 'max-iterations': CONVERGENCE_CRITERION.maxIterations Newton steps were not enough; the last iterate.
// - 'diverged': a number became NaN or infinite.
// For KTO with z0 = 'kl' or 'batch' the reference point is held constant within each Newton step and
// recomputed between steps, as training does: the end is where the training update itself is zero.
//
// Where the minimum does not pin down the whole policy, the end depends on the path, and this is the end of
// one path: responses that no pair or example names share out their mass differently under SGD, Adam and
// Newton with losses that read ρw and ρl separately (NCA, BCO, SPPO, APO) on one pair. π(y_w) and π(y_l)
// are pinned; the split of the rest is Newton's.
import type { ToyLossConfig, ToyOptimizer, ToyProblem } from './types.ts';
import type { ReferenceFreeInput } from '../types.ts';
import { referenceFreeLoss } from '../referenceFree.ts';
import { ktoLossOfRatio } from '../kto.ts';
import type { LossAndGrad, PairKernel } from '../pairKernels.ts';
import { sigmoid, softplus } from '../stable.ts';
import { fail } from '../validate.ts';
import { createWorkspace, type Workspace } from './policy.ts';
import { evaluateObjective } from './objective.ts';
import { symmetricEigen } from './eigen.ts';
import { MARGIN_ONLY_LOSSES, marginLineEnd } from './marginLine.ts';
import { perTokenMargin } from '../lossInfo.ts';
import {
  checkCompatible,
  prepareConfig,
  prepareProblem,
  type PreparedConfig,
  type PreparedProblem,
  type PreparedTerm,
} from './prepare.ts';

export interface ConvergenceCriterion {
  /** A converged point has max_j |∂objective/∂θ_j| at most this. */
  gradientTolerance: number;
  /** …and its next Newton step changes no log-probability log π(y) by more than this (nats). */
  stepTolerance: number;
  /** Newton iterations before giving up ('max-iterations'). */
  maxIterations: number;
}

/** The stated criterion of every converged sweep point. */
export const CONVERGENCE_CRITERION: Readonly<ConvergenceCriterion> = Object.freeze({
  gradientTolerance: 1e-9,
  stepTolerance: 1e-9,
  maxIterations: 200,
});

/** Newton steps in a row that must keep their length, with the gradient already tiny, to call it unbounded. */
export const ESCAPE_STEPS = 5;

export type ConvergenceStatus =
  'converged' | 'unbounded' | 'kink' | 'stalled' | 'max-iterations' | 'diverged';

/**
 * 'closed-form': CONVENTIONS.md §6 on a tabular policy (equal lengths where the margin is per token);
 * 'margin-line': one pair under a margin-only loss, any features (marginLine.ts); 'newton': the damped
 * Newton iteration (for hinge on several pairs, over falling smoothing temperatures).
 */
export type ConvergenceMethod = 'closed-form' | 'margin-line' | 'newton';

export interface ConvergenceResult {
  status: ConvergenceStatus;
  /** status === 'converged'. */
  converged: boolean;
  method: ConvergenceMethod;
  /**
   * The work done: Newton iterations (summed over hinge's smoothing stages), or for 'margin-line' the
   * bisection steps on the margin plus the integration steps of a curved path; 0 for a closed form.
   */
  iterations: number;
  /**
   * Where training ends: the converged policy; for 'unbounded' the limit it tends to (`limit`); otherwise
   * the last iterate.
   */
  probs: number[];
  /** For 'unbounded': the probabilities as training goes on forever; null otherwise. */
  limit: number[] | null;
  /** θ at the end (the last iterate when not converged); null where an unbounded end has no θ. */
  theta: number[] | null;
  /** The objective and max_j |∂objective/∂θ_j| at `theta` (NaN where theta is null). */
  loss: number;
  gradientNorm: number;
}

/** Reusable buffers for one problem size. */
export interface ConvergeScratch {
  ws: Workspace;
  probe: Workspace;
  state: { z0: number };
  probeState: { z0: number };
  /** ∂²objective/∂log π² (K×K), then ∂²/∂logits², then ∂²/∂θ² (d×d). */
  a: Float64Array;
  b: Float64Array;
  hTheta: Float64Array;
  eigVectors: Float64Array;
  eigValues: Float64Array;
  step: Float64Array;
  dx: Float64Array;
  lastDx: Float64Array;
  rest: Float64Array;
}

export function createConvergeScratch(pb: PreparedProblem): ConvergeScratch {
  const { K, d } = pb;
  const n = Math.max(K, d);
  return {
    ws: createWorkspace(K, d),
    probe: createWorkspace(K, d),
    state: { z0: 0 },
    probeState: { z0: 0 },
    a: new Float64Array(n * n),
    b: new Float64Array(n * n),
    hTheta: new Float64Array(d * d),
    eigVectors: new Float64Array(d * d),
    eigValues: new Float64Array(d),
    step: new Float64Array(d),
    dx: new Float64Array(K),
    lastDx: new Float64Array(K),
    rest: new Float64Array(K),
  };
}

const plus: LossAndGrad = { loss: 0, dw: 0, dl: 0 };
const minus: LossAndGrad = { loss: 0, dw: 0, dl: 0 };
const ktoPlus = { loss: 0, d: 0 };
const ktoMinus = { loss: 0, d: 0 };

/** A central-difference step in ρ: small against the loss's own scale (1/β, per token L/β, DiscoPOP τ/β). */
function rhoStep(beta: number, scale: number, rho: number): [number, number] {
  const h = (1e-4 * scale) / beta;
  // The step the floating-point numbers really take.
  return [rho + h - rho, rho - (rho - h)];
}

/**
 * One pair term's curvature, chosen response first: adds weight·∂²L/∂(ρw, ρl)² into a (K×K, row-major) at
 * rows/columns (w, l).
 */
function addPairCurvature(
  term: Pick<PreparedTerm, 'kernel' | 'params' | 'type'>,
  pb: PreparedProblem,
  rhoW: number,
  rhoL: number,
  w: number,
  l: number,
  weight: number,
  a: Float64Array,
): void {
  const { kernel, params, type } = term;
  const K = pb.K;
  params.invLw = pb.invLength[w];
  params.invLl = pb.invLength[l];
  const scale = Math.min(1, params.tau) / Math.max(params.invLw, params.invLl);
  const [upW, downW] = rhoStep(params.beta, scale, rhoW);
  if (MARGIN_ONLY_LOSSES.has(type)) {
    // L(m) of the margin m = aw·ρw − al·ρl alone: the block is L''(m)·[aw², −aw·al; −aw·al, al²], exactly
    // singular along moves that keep m, so rounding cannot invent curvature there.
    const perToken = perTokenMargin(type, { ipoNormalization: params.ipoSum ? 'sum' : 'token' });
    const aw = perToken ? params.invLw : 1;
    const al = perToken ? params.invLl : 1;
    kernel(rhoW + upW, rhoL, params, plus);
    kernel(rhoW - downW, rhoL, params, minus);
    const c = (weight * (plus.dw - minus.dw)) / (upW + downW) / (aw * aw); // weight·L''(m)
    a[w * K + w] += c * aw * aw;
    a[l * K + l] += c * al * al;
    a[w * K + l] -= c * aw * al;
    a[l * K + w] -= c * aw * al;
    return;
  }
  kernel(rhoW + upW, rhoL, params, plus);
  kernel(rhoW - downW, rhoL, params, minus);
  const dwdw = (plus.dw - minus.dw) / (upW + downW);
  const dldw = (plus.dl - minus.dl) / (upW + downW);
  const [upL, downL] = rhoStep(params.beta, scale, rhoL);
  kernel(rhoW, rhoL + upL, params, plus);
  kernel(rhoW, rhoL - downL, params, minus);
  const dwdl = (plus.dw - minus.dw) / (upL + downL);
  const dldl = (plus.dl - minus.dl) / (upL + downL);
  const cross = 0.5 * (dldw + dwdl);
  a[w * K + w] += weight * dwdw;
  a[l * K + l] += weight * dldl;
  a[w * K + l] += weight * cross;
  a[l * K + w] += weight * cross;
}

// Reused input of referenceFreeLoss (no prompt in the toy).
const freeIn: ReferenceFreeInput = { policyChosen: 0, policyRejected: 0, chosenLength: 1, rejectedLength: 1 };

/** ∂/∂(log π(c), log π(r)) of one reference-free pair term at (lc, lr), both directions' inputs as given. */
function freeGradient(
  cfg: PreparedConfig,
  pb: PreparedProblem,
  c: number,
  r: number,
  lc: number,
  lr: number,
): [number, number] {
  if (cfg.loss.kind !== 'reference-free') return [0, 0];
  freeIn.policyChosen = lc;
  freeIn.policyRejected = lr;
  freeIn.chosenLength = pb.length[c];
  freeIn.rejectedLength = pb.length[r];
  const out = referenceFreeLoss(cfg.loss.type, freeIn, cfg.loss.params);
  return [out.dPolicyChosen, out.dPolicyRejected];
}

/**
 * SimPO / ORPO: each pair term's curvature in the summed log-probs by central differences of the exact
 * gradient (as addPairCurvature does for the kernels without a closed-form second derivative), steps
 * scaled by the length over β so that they are small against the loss's own scale. Steps stay below 0:
 * log-probs above 0 are invalid, so a point near 0 steps inwards only (a one-sided difference).
 */
function addReferenceFreeCurvature(
  cfg: PreparedConfig,
  pb: PreparedProblem,
  logp: Float64Array,
  a: Float64Array,
): void {
  const K = pb.K;
  const term = (c: number, r: number, weight: number) => {
    const lc = logp[c];
    const lr = logp[r];
    const block = [0, 0, 0, 0];
    [lc, lr].forEach((x, j) => {
      // Small against the loss's scale (L/β) and against |x| itself: ORPO's terms change on the scale of
      // |log π| near 0, where log(1 − π) turns steep.
      const scale = (1e-4 * pb.length[j === 0 ? c : r]) / cfg.beta;
      const h = x < 0 ? Math.min(scale, -0.5 * x) : scale;
      const up = Math.min(x + h, 0);
      const down = x - h;
      const gUp = freeGradient(cfg, pb, c, r, j === 0 ? up : lc, j === 1 ? up : lr);
      const gDown = freeGradient(cfg, pb, c, r, j === 0 ? down : lc, j === 1 ? down : lr);
      const span = up - down; // > 0: down < x ≤ up
      block[j] = (gUp[0] - gDown[0]) / span; // ∂/∂x of ∂L/∂lc
      block[2 + j] = (gUp[1] - gDown[1]) / span; // ∂/∂x of ∂L/∂lr
    });
    const cross = 0.5 * (block[1] + block[2]);
    a[c * K + c] += weight * block[0];
    a[r * K + r] += weight * block[3];
    a[c * K + r] += weight * cross;
    a[r * K + c] += weight * cross;
  };
  for (let i = 0; i < pb.pairChosen.length; i++) {
    const c = pb.pairChosen[i];
    const r = pb.pairRejected[i];
    const w = pb.pairWeight[i];
    const p = pb.pairP[i];
    if (p > 0) term(c, r, w * p);
    if (p < 1) term(r, c, w * (1 - p));
  }
}

/** ∂²objective/∂θ² at the point evaluated in ws (gLogp and probs filled), z0 held at `z0`, into sc.hTheta. */
export function assembleHessian(
  pb: PreparedProblem,
  cfg: PreparedConfig,
  sc: ConvergeScratch,
  z0: number,
): void {
  const { K, d } = pb;
  const { ws, a, b, rest } = sc;
  const { rho, probs, gLogp } = ws;
  a.fill(0, 0, K * K);
  if (cfg.loss.kind === 'pair') {
    // Every term of the loss list, each at its weight (the main loss at loss_weights[0]).
    const terms = [{ ...cfg.loss, weight: cfg.loss.mainWeight }, ...cfg.loss.extra];
    for (const term of terms)
      for (let i = 0; i < pb.pairChosen.length; i++) {
        const c = pb.pairChosen[i];
        const r = pb.pairRejected[i];
        const w = pb.pairWeight[i] * term.weight;
        const p = pb.pairP[i];
        if (p > 0) addPairCurvature(term, pb, rho[c], rho[r], c, r, w * p, a);
        if (p < 1) addPairCurvature(term, pb, rho[r], rho[c], r, c, w * (1 - p), a);
      }
  } else if (cfg.loss.kind === 'reference-free') {
    addReferenceFreeCurvature(cfg, pb, ws.logp, a);
  } else {
    const { type, params } = cfg.loss;
    const fixed = params.z0;
    params.z0 = z0;
    for (let i = 0; i < pb.unpairedResponse.length; i++) {
      const y = pb.unpairedResponse[i];
      const desirable = pb.unpairedDesirable[i] === 1;
      const [up, down] = rhoStep(params.beta, 1, rho[y]);
      ktoLossOfRatio(type, rho[y] + up, desirable, params, ktoPlus);
      ktoLossOfRatio(type, rho[y] - down, desirable, params, ktoMinus);
      a[y * K + y] += (pb.unpairedWeight[i] * (ktoPlus.d - ktoMinus.d)) / (up + down);
    }
    params.z0 = fixed;
  }
  // 1 − π(k) as the sum of the others, exact even when π(k) rounds to 1.
  let sumG = 0;
  for (let k = 0; k < K; k++) {
    sumG += gLogp[k];
    rest[k] = 0;
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < K; j++) if (j !== k) rest[k] += probs[j];
  // log π = x − lse(x): J = ∂log π/∂x = I − 1πᵀ, and every ∂²log π(k)/∂x² = −(diag π − ππᵀ). So
  // ∂²/∂x² = Jᵀ·A·J − (Σ_k ∂/∂log π(k))·(diag π − ππᵀ).
  // b = A·J: b[k][j] = A[k][j]·(1 − π_j) − π_j·Σ_{l≠j} A[k][l].
  for (let k = 0; k < K; k++)
    for (let j = 0; j < K; j++) {
      let others = 0;
      for (let l = 0; l < K; l++) if (l !== j) others += a[k * K + l];
      b[k * K + j] = a[k * K + j] * rest[j] - probs[j] * others;
    }
  // a = Jᵀ·b: a[i][j] = (1 − π_i)·b[i][j] − π_i·Σ_{k≠i} b[k][j]; then the softmax's own curvature.
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      let others = 0;
      for (let k = 0; k < K; k++) if (k !== i) others += b[k * K + j];
      a[i * K + j] = rest[i] * b[i * K + j] - probs[i] * others;
      a[i * K + j] += i === j ? -sumG * probs[i] * rest[i] : sumG * probs[i] * probs[j];
    }
  const h = sc.hTheta;
  if (pb.tabular) {
    for (let i = 0; i < K; i++)
      for (let j = 0; j < K; j++) h[i * K + j] = 0.5 * (a[i * K + j] + a[j * K + i]);
    return;
  }
  // ∂²/∂θ² = Fᵀ·(∂²/∂x²)·F, via b = (∂²/∂x²)·F (K×d).
  const F = pb.features;
  for (let k = 0; k < K; k++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let l = 0; l < K; l++) s += a[k * K + l] * F[l * d + j];
      b[k * d + j] = s;
    }
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += F[k * d + i] * b[k * d + j];
      h[i * d + j] = s;
    }
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) {
      const m = 0.5 * (h[i * d + j] + h[j * d + i]);
      h[i * d + j] = m;
      h[j * d + i] = m;
    }
}

/** The logit change F·s of a step s in θ, into dx; returns its spread max − min (shift-free). */
function logitChange(pb: PreparedProblem, s: Float64Array, dx: Float64Array): number {
  const { K, d, features } = pb;
  let max = -Infinity;
  let min = Infinity;
  for (let k = 0; k < K; k++) {
    let v = 0;
    if (pb.tabular) v = s[k];
    else for (let j = 0; j < d; j++) v += features[k * d + j] * s[j];
    dx[k] = v;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  return max - min;
}

function maxAbs(xs: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = Math.abs(xs[i]);
    if (!(v <= m)) m = v; // NaN propagates
  }
  return m;
}

function allFinite(xs: ArrayLike<number>): boolean {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) return false;
  return true;
}

/** Newton steps over which the objective must fall by a relative 1e-13 (unless the gradient shrinks). */
const PROGRESS_WINDOW = 8;

/** Eigenvalues below this fraction of the largest are rounding, not curvature. */
const FLAT = 1e-14;

/**
 * The damped Newton step at the point in sc.ws into sc.step: −Σ qᵢ(qᵢ·g)/|λᵢ| over the directions with real
 * curvature; along flat directions a plain gradient step −(qᵢ·g)·flatScale when the gradient really points
 * there (more than the gradient tolerance), none otherwise (the policy does not depend on them, or they
 * are rounding). Returns whether a flat direction was stepped along.
 */
function newtonStep(pb: PreparedProblem, sc: ConvergeScratch, gTol: number, flatScale: number): boolean {
  const d = pb.d;
  const { eigValues: lam, eigVectors: q, step } = sc;
  const g = sc.ws.gTheta;
  let lamMax = 0;
  for (let i = 0; i < d; i++) lamMax = Math.max(lamMax, Math.abs(lam[i]));
  step.fill(0);
  let flat = false;
  for (let i = 0; i < d; i++) {
    let c = 0;
    for (let j = 0; j < d; j++) c += q[j * d + i] * g[j];
    const l = Math.abs(lam[i]);
    let coef: number;
    if (l > FLAT * lamMax) coef = -c / l;
    else if (Math.abs(c) > gTol) {
      coef = -c * flatScale;
      flat = true;
    } else continue;
    for (let j = 0; j < d; j++) step[j] += coef * q[j * d + i];
  }
  return flat;
}

function copyPoint(from: Workspace, to: Workspace): void {
  to.theta.set(from.theta);
  to.logits.set(from.logits);
  to.logp.set(from.logp);
  to.probs.set(from.probs);
  to.rho.set(from.rho);
  to.gLogp.set(from.gLogp);
  to.gTheta.set(from.gTheta);
}

function softmaxOver(x: ArrayLike<number>, include: (k: number) => boolean): number[] {
  let max = -Infinity;
  for (let k = 0; k < x.length; k++) if (include(k) && x[k] > max) max = x[k];
  const e = Array.from(x, (v, k) => (include(k) ? Math.exp(v - max) : 0));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/** A log-probability this low is 0 for every plot and sum (e^−30 ≈ 10⁻¹³). */
const NEGLIGIBLE_LOG_PROB = -30;

/**
 * Responses that look stationary only because their probability is negligible: no pair or example names
 * them (∂/∂log π(k) = 0), their features are their own (θ moves no other logit with them), and the log-normaliser
 * pushes their logit down (∂/∂x_k = −π(k)·Σ_y ∂/∂log π(y) > 0). Exactly, their gradient is positive and
 * gradient descent lowers them forever; in floating point π(k) ≈ 0 hides it. null when there are none.
 */
function squeezedOut(pb: PreparedProblem, ws: Workspace, gTol: number): boolean[] | null {
  const { K, d, features } = pb;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += ws.gLogp[k];
  if (!(sum < -gTol)) return null;
  const read = new Array<boolean>(K).fill(false);
  for (const y of pb.pairChosen) read[y] = true;
  for (const y of pb.pairRejected) read[y] = true;
  for (const y of pb.unpairedResponse) read[y] = true;
  let out: boolean[] | null = null;
  for (let k = 0; k < K; k++) {
    if (read[k] || !(ws.logp[k] < NEGLIGIBLE_LOG_PROB)) continue;
    let own = true;
    for (let j = 0; j < d && own; j++) {
      if (features[k * d + j] === 0) continue;
      for (let i = 0; i < K; i++) if (i !== k && features[i * d + j] !== 0) own = false;
    }
    if (!own) continue;
    out ??= new Array<boolean>(K).fill(false);
    out[k] = true;
  }
  return out;
}

/** Damped Newton from θ = 0 (see the top of this file). */
export function newtonEnd(
  pb: PreparedProblem,
  cfg: PreparedConfig,
  sc: ConvergeScratch,
  criterion: Readonly<ConvergenceCriterion> = CONVERGENCE_CRITERION,
  start?: ArrayLike<number>,
): ConvergenceResult {
  const { ws, probe, state, probeState, step, dx, lastDx } = sc;
  const { gradientTolerance: gTol, stepTolerance: sTol, maxIterations } = criterion;
  let minInvLength = 1;
  for (let k = 0; k < pb.K; k++) minInvLength = Math.min(minInvLength, pb.invLength[k]);
  // Far beyond any finite optimum's distance (|βh*| ≤ 37 in float64 for the logistic losses), per step.
  const radius = (20 * Math.max(1, 1 / cfg.beta)) / minInvLength;
  if (start) ws.theta.set(start);
  else ws.theta.fill(0);
  let f = evaluateObjective(pb, cfg, ws, state);
  let escape = 0;
  let prevSpread = Infinity;
  // Step length per unit gradient along directions without curvature (piecewise-linear losses: hinge),
  // adapted to what the line search last accepted.
  let flatScale = 1 / (cfg.beta * cfg.beta);
  // The last PROGRESS_WINDOW decreases of the objective (a ring buffer), for the no-progress test.
  const gains = new Float64Array(PROGRESS_WINDOW);
  lastDx.fill(0);
  const finish = (status: ConvergenceStatus, iterations: number, limit: number[] | null = null) => {
    if ((status === 'stalled' || status === 'max-iterations') && !limit) {
      // Stopped early while a response's probability, already negligible, was still falling: that is
      // the slow end of an escape (e.g. NCA with p = 1), not a point where training rests.
      let top = -Infinity;
      for (let k = 0; k < pb.K; k++) top = Math.max(top, lastDx[k]);
      const falling = (k: number) => ws.logp[k] < NEGLIGIBLE_LOG_PROB && lastDx[k] < top;
      if (Array.from(ws.logp).some((_, k) => falling(k))) {
        status = 'unbounded';
        limit = softmaxOver(ws.logits, (k) => !falling(k));
      }
    }
    return {
      status,
      converged: status === 'converged',
      method: 'newton' as const,
      iterations,
      probs: limit ?? Array.from(ws.probs),
      limit,
      theta: Array.from(ws.theta),
      loss: f,
      gradientNorm: maxAbs(ws.gTheta),
    };
  };
  for (let it = 0; ; it++) {
    if (!Number.isFinite(f) || !allFinite(ws.gTheta) || !allFinite(ws.logp)) return finish('diverged', it);
    const z0 = state.z0;
    const gNorm = maxAbs(ws.gTheta);
    assembleHessian(pb, cfg, sc, z0);
    if (!allFinite(sc.hTheta)) return finish('diverged', it);
    symmetricEigen(sc.hTheta, pb.d, sc.eigValues, sc.eigVectors);
    const flat = newtonStep(pb, sc, gTol, flatScale);
    let spread = logitChange(pb, step, dx);
    if (gNorm <= gTol && spread <= sTol) {
      const squeezed = squeezedOut(pb, ws, gTol);
      // Stationary only because a probability has rounded away: the normaliser still squeezes it.
      if (squeezed)
        return finish(
          'unbounded',
          it,
          softmaxOver(ws.logits, (k) => !squeezed[k]),
        );
      return finish('converged', it);
    }
    if (it >= maxIterations) return finish('max-iterations', it);
    let clipped = false;
    if (spread > radius) {
      const shrink = radius / spread;
      for (let j = 0; j < pb.d; j++) step[j] *= shrink;
      spread = radius;
      clipped = true;
    }
    let slope = 0;
    for (let j = 0; j < pb.d; j++) slope += ws.gTheta[j] * step[j];
    // Armijo backtracking on the objective with z0 held (KTO), allowing for its rounding.
    const slack = 4 * Number.EPSILON * Math.abs(f);
    let t = 1;
    let fNew = NaN;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      for (let j = 0; j < pb.d; j++) probe.theta[j] = ws.theta[j] + t * step[j];
      fNew = evaluateObjective(pb, cfg, probe, probeState, z0);
      if (!Number.isFinite(fNew)) {
        t *= 0.5;
        continue;
      }
      // Close to a minimum the decrease is below the objective's rounding: a short full Newton step that
      // halves the gradient is accepted on that evidence instead.
      const polishing = t === 1 && spread <= 1e-3 && maxAbs(probe.gTheta) <= 0.5 * gNorm;
      if (fNew <= f + 1e-4 * t * slope + slack || polishing) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted || !(slope < 0)) return finish('stalled', it);
    const stepSpread = t * spread;
    if (flat) flatScale *= t === 1 ? 2 : t;
    for (let k = 0; k < pb.K; k++) lastDx[k] = t * dx[k];
    // In a tail the decrease can be below the objective's rounding: not increasing is enough.
    const fullStep = t === 1;
    const decreased = fNew <= f;
    // The decrease with z0 held (KTO's objective with a moving z0 need not fall from step to step).
    const slot = it % PROGRESS_WINDOW;
    gains[slot] = f - fNew;
    if (cfg.loss.kind === 'kto' && cfg.loss.z0 !== 'fixed') {
      ws.theta.set(probe.theta);
      f = evaluateObjective(pb, cfg, ws, state);
    } else {
      copyPoint(probe, ws);
      f = fNew;
    }
    // A step that moves nothing visibly, or steps that no longer lower the objective, while the gradient
    // stays as it was: a kink (hinge), not a minimum. (A tiny step that shrinks the gradient is progress:
    // a stiff minimum.)
    let gained = 0;
    for (let i = 0; i < PROGRESS_WINDOW; i++) gained += gains[i];
    const noProgress = it >= PROGRESS_WINDOW && !(gained > 1e-13 * (1 + Math.abs(f)));
    const gNew = maxAbs(ws.gTheta);
    if ((stepSpread <= sTol || noProgress) && gNew > gTol && gNew > 0.5 * gNorm)
      return finish('stalled', it + 1);
    const escaping = fullStep && stepSpread >= 0.5 * prevSpread && (gNorm <= gTol || clipped) && decreased;
    escape = escaping ? escape + 1 : 0;
    prevSpread = stepSpread;
    if (escape >= ESCAPE_STEPS) {
      // The limit: the responses whose logits rise fastest along the last step, at their current odds.
      let top = -Infinity;
      let bottom = Infinity;
      for (let k = 0; k < pb.K; k++) {
        top = Math.max(top, lastDx[k]);
        bottom = Math.min(bottom, lastDx[k]);
      }
      const tie = 1e-3 * (top - bottom);
      const limit = softmaxOver(ws.logits, (k) => lastDx[k] >= top - tie);
      return finish('unbounded', it + 1, limit);
    }
  }
}

/** Hinge smoothed at temperature τ (in units of the slack 1 − βh): τ·softplus(slack/τ) → max(0, slack). */
function smoothHingeKernel(tau: number): PairKernel {
  return (rw, rl, k, out) => {
    const slack = 1 - k.beta * (rw - rl);
    out.loss = tau * softplus(slack / tau);
    const dh = -k.beta * sigmoid(slack / tau);
    out.dw = dh;
    out.dl = -dh;
  };
}

/** Smoothing temperatures for hinge, coarse to fine; the answer is within ~τ·(1/β) of the kink in h. */
const HINGE_TEMPERATURES = [0.3, 3e-2, 3e-3, 3e-4, 3e-5, 3e-6, 3e-7];

/**
 * Hinge on several pairs is piecewise linear: its minimum sits on kinks, where no gradient vanishes and
 * Newton has no curvature to use. Minimise hinge smoothed at falling temperatures instead, each stage
 * starting where the last ended, and report the last stage that converged: 'converged' where the true
 * gradient vanishes there (beyond every kink), 'kink' where it does not. null when even the first stage
 * does not converge (a pair with p = 1 lets the smoothed margin grow for ever; the plain iteration decides).
 */
function hingeEnd(
  pb: PreparedProblem,
  cfg: PreparedConfig,
  sc: ConvergeScratch,
  criterion: Readonly<ConvergenceCriterion>,
): ConvergenceResult | null {
  if (cfg.loss.kind !== 'pair') return null;
  let theta: number[] | null = null;
  let iterations = 0;
  for (const tau of HINGE_TEMPERATURES) {
    // params.tau (read by no hinge kernel) sets the curvature's difference step to the smoothing width.
    const params = { ...cfg.loss.params, tau };
    const smooth: PreparedConfig = { ...cfg, loss: { ...cfg.loss, kernel: smoothHingeKernel(tau), params } };
    // The smoothed gradient's rounding grows like β/τ: each stage only has to get that close.
    const gradientTolerance = Math.max(criterion.gradientTolerance, (1e-13 * cfg.beta) / tau);
    const stage = newtonEnd(pb, smooth, sc, { ...criterion, gradientTolerance }, theta ?? undefined);
    iterations += stage.iterations;
    if (stage.status !== 'converged' || !stage.theta) break;
    theta = stage.theta;
  }
  if (!theta) return null;
  const [loss, gradientNorm] = measure(pb, cfg, sc, theta);
  const status: ConvergenceStatus = gradientNorm <= criterion.gradientTolerance ? 'converged' : 'kink';
  return {
    status,
    converged: status === 'converged',
    method: 'newton',
    iterations,
    probs: Array.from(sc.ws.probs),
    limit: null,
    theta,
    loss,
    gradientNorm,
  };
}

/** The objective and gradient norm at θ (for results that did not come from the Newton loop). */
function measure(
  pb: PreparedProblem,
  cfg: PreparedConfig,
  sc: ConvergeScratch,
  theta: number[],
): [number, number] {
  sc.ws.theta.set(theta);
  const loss = evaluateObjective(pb, cfg, sc.ws, sc.state);
  return [loss, maxAbs(sc.ws.gTheta)];
}

/**
 * Where training ends for an already-validated problem and config: the exact 1-D answer for one pair under
 * a margin-only loss, Newton otherwise. `newtonOnly` skips the 1-D shortcut (tests).
 */
export function convergePrepared(
  pb: PreparedProblem,
  cfg: PreparedConfig,
  sc: ConvergeScratch,
  criterion: Readonly<ConvergenceCriterion> = CONVERGENCE_CRITERION,
  newtonOnly = false,
): ConvergenceResult {
  const line = newtonOnly ? null : marginLineEnd(pb, cfg);
  if (!line) {
    const kinked =
      cfg.loss.kind === 'pair' && cfg.loss.type === 'hinge' ? hingeEnd(pb, cfg, sc, criterion) : null;
    return kinked ?? newtonEnd(pb, cfg, sc, criterion);
  }
  const method: ConvergenceMethod = line.exact && pb.tabular ? 'closed-form' : 'margin-line';
  if (line.status === 'unbounded')
    return {
      status: 'unbounded',
      converged: false,
      method,
      iterations: line.iterations,
      probs: line.probs,
      limit: line.probs,
      theta: null,
      loss: NaN,
      gradientNorm: NaN,
    };
  const theta = line.theta ?? new Array<number>(pb.d).fill(0);
  const [loss, gradientNorm] = measure(pb, cfg, sc, theta);
  const status: ConvergenceStatus = gradientNorm <= criterion.gradientTolerance ? 'converged' : 'kink';
  return {
    status,
    converged: status === 'converged',
    method,
    iterations: line.iterations,
    probs: line.probs,
    limit: null,
    theta,
    loss,
    gradientNorm,
  };
}

export interface ConvergenceOptions {
  /**
   * The optimiser whose end is meant where the minimum does not fix the policy alone (one pair, shared
   * features: gradient descent and Adam reach the same margin by different θ). Default 'sgd'.
   */
  optimizer?: ToyOptimizer;
  criterion?: Partial<ConvergenceCriterion>;
  /** Use Newton even where the exact 1-D answer applies (for checking one against the other). */
  newtonOnly?: boolean;
}

function checkCriterion(c: Partial<ConvergenceCriterion> | undefined): ConvergenceCriterion {
  const out = { ...CONVERGENCE_CRITERION, ...c };
  for (const key of ['gradientTolerance', 'stepTolerance'] as const)
    if (!(out[key] > 0 && Number.isFinite(out[key])))
      fail(`criterion.${key}`, 'must be a finite number > 0', out[key]);
  if (!Number.isInteger(out.maxIterations) || out.maxIterations < 1 || out.maxIterations > 100_000)
    fail('criterion.maxIterations', 'must be a whole number in 1…100000', out.maxIterations);
  return out;
}

/**
 * Trains the toy policy of CONVENTIONS.md §5 from θ = 0 until it has converged (CONVERGENCE_CRITERION),
 * with its own step sizes: no learning rate, no step count. Says whether it converged, and if not why
 * (the optimum is at infinity, a kink, too many iterations, non-finite numbers).
 */
export function trainToConvergence(
  problem: ToyProblem,
  loss: ToyLossConfig,
  options: ConvergenceOptions = {},
): ConvergenceResult {
  const pb = prepareProblem(problem);
  const cfg = prepareConfig({ loss, optimizer: options.optimizer ?? 'sgd', learningRate: 1, steps: 0 });
  checkCompatible(pb, cfg);
  const criterion = checkCriterion(options.criterion);
  return convergePrepared(pb, cfg, createConvergeScratch(pb), criterion, options.newtonOnly ?? false);
}
