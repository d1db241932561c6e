// The toy softmax policy: logits = base + features·θ, log π = log-softmax(logits), and the chain rule back
// from ∂objective/∂log π(y) to θ. Everything writes into preallocated buffers: these run once per training
// step, and training reruns on every slider event.
import type { PreparedProblem } from './prepare.ts';

/** Scratch buffers for one problem size; reused across steps and across runs of the same size. */
export interface Workspace {
  theta: Float64Array;
  logits: Float64Array;
  logp: Float64Array;
  probs: Float64Array;
  /** ρ(y) = log π(y) − log πref(y). */
  rho: Float64Array;
  /** ∂objective/∂log π(y). */
  gLogp: Float64Array;
  gTheta: Float64Array;
}

export function createWorkspace(K: number, d: number): Workspace {
  return {
    theta: new Float64Array(d),
    logits: new Float64Array(K),
    logp: new Float64Array(K),
    probs: new Float64Array(K),
    rho: new Float64Array(K),
    gLogp: new Float64Array(K),
    gTheta: new Float64Array(d),
  };
}

/** Fills logits, logp, probs and rho from ws.theta. */
export function forward(pb: PreparedProblem, ws: Workspace): void {
  const { K, d, base, features, refLogp } = pb;
  const { theta, logits, logp, probs, rho } = ws;
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    let x = base[k];
    if (pb.tabular) x += theta[k];
    else for (let j = 0, row = k * d; j < d; j++) x += features[row + j] * theta[j];
    logits[k] = x;
    if (x > max) max = x;
  }
  // One exp per response: the shifted exponentials give both the probabilities and the normaliser.
  let sum = 0;
  let rest = 0;
  let top = -1;
  for (let k = 0; k < K; k++) {
    const e = Math.exp(logits[k] - max);
    probs[k] = e;
    sum += e;
    if (top < 0 && logits[k] === max) top = k;
    else rest += e;
  }
  const lse = max + Math.log(sum);
  const inv = 1 / sum;
  for (let k = 0; k < K; k++) {
    // Once the others' share `rest` is below 1e-16 the likeliest response's log-prob rounds to 0; its exact
    // value is −log1p(rest). SimPO and ORPO read log π(y) itself (ORPO's log(1 − π) is −∞ at exactly 0),
    // so it is kept; every other value is untouched.
    const lp = k === top && logits[k] - lse === 0 ? -Math.log1p(rest) : logits[k] - lse;
    logp[k] = lp;
    probs[k] *= inv;
    rho[k] = lp - refLogp[k];
  }
}

/**
 * ws.gTheta = ∂objective/∂θ from ws.gLogp: ∂log π(y)/∂logit(k) = [y = k] − π(k), so
 * ∂/∂logits = g − π·Σg, and ∂/∂θ = featuresᵀ·(∂/∂logits).
 */
export function backward(pb: PreparedProblem, ws: Workspace): void {
  const { K, d, features } = pb;
  const { probs, gLogp, gTheta } = ws;
  let total = 0;
  for (let k = 0; k < K; k++) total += gLogp[k];
  if (pb.tabular) {
    for (let k = 0; k < K; k++) gTheta[k] = gLogp[k] - probs[k] * total;
    return;
  }
  for (let j = 0; j < d; j++) gTheta[j] = 0;
  for (let k = 0; k < K; k++) {
    const gk = gLogp[k] - probs[k] * total;
    for (let j = 0, row = k * d; j < d; j++) gTheta[j] += features[row + j] * gk;
  }
}

/** Exact KL(π‖πref) = Σ π·(log π − log πref), clamped at 0 against rounding. */
export function klFromReference(pb: PreparedProblem, ws: Workspace): number {
  let kl = 0;
  for (let k = 0; k < pb.K; k++) kl += ws.probs[k] * ws.rho[k];
  return kl > 0 ? kl : 0;
}
