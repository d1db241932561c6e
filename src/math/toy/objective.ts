// The training objective of the toy policy and its exact gradient with respect to θ (CONVENTIONS.md §5):
// Σ wᵢ·lossᵢ / Σ wᵢ over the pairs (expected loss p·L(c, r) + (1 − p)·L(r, c)) or the unpaired examples.
import type { ToyProblem, ToyTrainConfig } from './types.ts';
import { ktoLossOfRatio } from '../kto.ts';
import { referenceFreeLoss } from '../referenceFree.ts';
import type { ReferenceFreeInput } from '../types.ts';
import { type LossAndGrad } from '../pairKernels.ts';
import { checkFinite, fail } from '../validate.ts';
import { LD_ALPHA_OFF, ldFactor, wpoLogDenominator } from '../ldWpo.ts';
import { backward, createWorkspace, forward, klFromReference, type Workspace } from './policy.ts';
import {
  checkCompatible,
  prepareConfig,
  prepareProblem,
  type PreparedConfig,
  type PreparedProblem,
  type PreparedTerm,
} from './prepare.ts';

// Module-level scratch for the kernels' outputs: JavaScript is single-threaded and nothing here re-enters.
const pairOut: LossAndGrad = { loss: 0, dw: 0, dl: 0 };
const ktoOut = { loss: 0, d: 0 };

/** What one term's loop reads: the main loss's fields or a PreparedTerm (extraTerms). */
type TermView = Pick<PreparedTerm, 'kernel' | 'params' | 'reads' | 'ldAlpha' | 'wpo'>;

function pairObjective(pb: PreparedProblem, cfg: PreparedConfig, ws: Workspace): number {
  if (cfg.loss.kind !== 'pair') return 0;
  const { mainWeight, extra, wpo } = cfg.loss;
  // TRL's loss list: Σ wᵢ·(term i over the same pairs), the main loss first (loss_weights[0]).
  let loss = pairTerm(pb, cfg.loss, mainWeight, ws);
  for (const term of extra) loss += pairTerm(pb, term, term.weight, ws);
  // TRL's SFT term is one batch-wide cross-entropy expanded to every pair, so WPO turns it into
  // batch_loss × mean(w_c·w_r): the data's pair-weighted mean here.
  const alpha = cfg.loss.sftWeight * (wpo ? meanWpoWeight(pb, ws) : 1);
  if (alpha !== 0) loss += alpha * sftTerm(pb, ws, alpha);
  return loss;
}

/** The data's pair-weighted mean of WPO's w_c·w_r at the current policy (a constant for the gradient). */
function meanWpoWeight(pb: PreparedProblem, ws: Workspace): number {
  const logDenom = wpoLogDenominator(ws.logp);
  let mean = 0;
  for (let i = 0; i < pb.pairChosen.length; i++) {
    const c = pb.pairChosen[i];
    const r = pb.pairRejected[i];
    mean +=
      pb.pairWeight[i] * Math.exp(ws.logp[c] * pb.invLength[c] + ws.logp[r] * pb.invLength[r] - 2 * logDenom);
  }
  return mean;
}

/**
 * One term of the list over every pair, times `weight`: adds weight × its gradient to ws.gLogp and returns
 * weight × the term.
 */
function pairTerm(pb: PreparedProblem, term: TermView, weight: number, ws: Workspace): number {
  const { kernel, params, ldAlpha, wpo } = term;
  // sft's kernel reads log π, the others ρ = log π − log π_ref; log π_ref is constant, so either way the
  // kernel's gradient is ∂/∂ log π.
  const x = term.reads === 'logProbs' ? ws.logp : ws.rho;
  const { gLogp } = ws;
  const ld = ldAlpha !== LD_ALPHA_OFF;
  // WPO: log Σ_k π(k)² of the current policy (ldWpo.ts), a constant for the gradient as under torch.no_grad.
  const logDenom = wpo ? wpoLogDenominator(ws.logp) : 0;
  let loss = 0;
  for (let i = 0; i < pb.pairChosen.length; i++) {
    const c = pb.pairChosen[i];
    const r = pb.pairRejected[i];
    // LD-DPO: each side's log-ratio scaled by its factor (symmetric in the pair's order: m = min(Lc, Lr));
    // the chain rule scales its push by the same factor.
    const fc = ld ? ldFactor(ldAlpha, pb.length[c], pb.length[r]) : 1;
    const fr = ld ? ldFactor(ldAlpha, pb.length[r], pb.length[c]) : 1;
    // WPO: w_c·w_r, the same for both orders of the pair.
    const pw = wpo ? Math.exp(ws.logp[c] * pb.invLength[c] + ws.logp[r] * pb.invLength[r] - 2 * logDenom) : 1;
    // × 1 is exact: a list of one is the single loss to the last bit.
    const w = pb.pairWeight[i] * pw * weight;
    const p = pb.pairP[i];
    // Skipping a zero-probability direction is exact and saves half the work for deterministic pairs.
    if (p > 0) {
      params.invLw = pb.invLength[c];
      params.invLl = pb.invLength[r];
      kernel(fc * x[c], fr * x[r], params, pairOut);
      const wp = w * p;
      loss += wp * pairOut.loss;
      gLogp[c] += wp * fc * pairOut.dw;
      gLogp[r] += wp * fr * pairOut.dl;
    }
    if (p < 1) {
      params.invLw = pb.invLength[r];
      params.invLl = pb.invLength[c];
      kernel(fr * x[r], fc * x[c], params, pairOut);
      const wq = w * (1 - p);
      loss += wq * pairOut.loss;
      gLogp[r] += wq * fr * pairOut.dw;
      gLogp[c] += wq * fc * pairOut.dl;
    }
  }
  return loss;
}

/**
 * TRL's "sft" term over the toy's data: the chosen responses' cross-entropy per token, −Σ w·log π(chosen) /
 * Σ w·L(chosen), where each pair counts as (c, r) with weight w·p and flipped with w·(1 − p) (so with noisy
 * labels y_l is sometimes the chosen one), token-weighted like TRL's F.cross_entropy over a batch's chosen
 * tokens. Adds `alpha` × its gradient to ws.gLogp; returns the term.
 */
function sftTerm(pb: PreparedProblem, ws: Workspace, alpha: number): number {
  const { logp, gLogp } = ws;
  let num = 0;
  let tokens = 0;
  for (let i = 0; i < pb.pairChosen.length; i++) {
    const c = pb.pairChosen[i];
    const r = pb.pairRejected[i];
    const wp = pb.pairWeight[i] * pb.pairP[i];
    const wq = pb.pairWeight[i] - wp;
    num -= wp * logp[c] + wq * logp[r];
    tokens += wp / pb.invLength[c] + wq / pb.invLength[r];
  }
  if (!(tokens > 0)) return 0;
  for (let i = 0; i < pb.pairChosen.length; i++) {
    const wp = pb.pairWeight[i] * pb.pairP[i];
    const wq = pb.pairWeight[i] - wp;
    gLogp[pb.pairChosen[i]] -= (alpha * wp) / tokens;
    gLogp[pb.pairRejected[i]] -= (alpha * wq) / tokens;
  }
  return num / tokens;
}

// Reused input of referenceFreeLoss: the toy has no prompt, so ORPO's NLL is over the chosen response alone.
const freeIn: ReferenceFreeInput = { policyChosen: 0, policyRejected: 0, chosenLength: 1, rejectedLength: 1 };

/**
 * SimPO / ORPO: each pair's loss from the policy's own summed log-probs log π(y) (no reference: ρ is not
 * read) and the response lengths, in both directions as for the pair losses. The gradient with respect
 * to the summed log-probs goes into gLogp, which backward() carries to θ exactly.
 */
function referenceFreeObjective(pb: PreparedProblem, cfg: PreparedConfig, ws: Workspace): number {
  if (cfg.loss.kind !== 'reference-free') return 0;
  const { type, params } = cfg.loss;
  const { logp, gLogp } = ws;
  let loss = 0;
  const add = (c: number, r: number, weight: number) => {
    freeIn.policyChosen = logp[c];
    freeIn.policyRejected = logp[r];
    freeIn.chosenLength = pb.length[c];
    freeIn.rejectedLength = pb.length[r];
    const out = referenceFreeLoss(type, freeIn, params);
    loss += weight * out.loss;
    gLogp[c] += weight * out.dPolicyChosen;
    gLogp[r] += weight * out.dPolicyRejected;
  };
  for (let i = 0; i < pb.pairChosen.length; i++) {
    const c = pb.pairChosen[i];
    const r = pb.pairRejected[i];
    const w = pb.pairWeight[i];
    const p = pb.pairP[i];
    if (p > 0) add(c, r, w * p);
    if (p < 1) add(r, c, w * (1 - p));
  }
  return loss;
}

/** KTO's reference point for the current policy; a constant as far as the gradient is concerned. */
export function ktoZ0(pb: PreparedProblem, cfg: PreparedConfig, ws: Workspace): number {
  if (cfg.loss.kind !== 'kto') return 0;
  if (cfg.loss.z0 === 'kl') return klFromReference(pb, ws);
  if (cfg.loss.z0 === 'batch') {
    // TRL: max(0, mean(policy − ref)) over the completions in the batch, β applied inside σ later.
    let sum = 0;
    const n = pb.unpairedResponse.length;
    for (let i = 0; i < n; i++) sum += ws.rho[pb.unpairedResponse[i]];
    return Math.max(0, sum / n);
  }
  return cfg.loss.params.z0;
}

function ktoObjective(pb: PreparedProblem, cfg: PreparedConfig, ws: Workspace, z0: number): number {
  if (cfg.loss.kind !== 'kto') return 0;
  const params = cfg.loss.params;
  const fixed = params.z0;
  params.z0 = z0;
  let loss = 0;
  for (let i = 0; i < pb.unpairedResponse.length; i++) {
    const y = pb.unpairedResponse[i];
    const w = pb.unpairedWeight[i];
    ktoLossOfRatio(cfg.loss.type, ws.rho[y], pb.unpairedDesirable[i] === 1, params, ktoOut);
    loss += w * ktoOut.loss;
    ws.gLogp[y] += w * ktoOut.d;
  }
  params.z0 = fixed;
  return loss;
}

/**
 * At ws.theta: runs the policy forward, returns the objective and leaves ∂objective/∂θ in ws.gTheta
 * (and ∂/∂log π in ws.gLogp). For KTO, `z0` overrides the configured reference point; either way it is
 * held constant for the gradient. The z0 used is left in `state.z0`.
 */
export function evaluateObjective(
  pb: PreparedProblem,
  cfg: PreparedConfig,
  ws: Workspace,
  state: { z0: number },
  z0?: number,
): number {
  forward(pb, ws);
  // A loop, not .fill(0): for a handful of entries the builtin's call overhead is most of the cost.
  const g = ws.gLogp;
  for (let k = 0; k < g.length; k++) g[k] = 0;
  let loss: number;
  if (cfg.loss.kind === 'pair') {
    state.z0 = 0;
    loss = pairObjective(pb, cfg, ws);
  } else if (cfg.loss.kind === 'reference-free') {
    state.z0 = 0;
    loss = referenceFreeObjective(pb, cfg, ws);
  } else {
    state.z0 = z0 ?? ktoZ0(pb, cfg, ws);
    loss = ktoObjective(pb, cfg, ws, state.z0);
  }
  backward(pb, ws);
  return loss;
}

/**
 * The objective and its gradient at a given θ, from the public problem and config (validates and
 * allocates: for tests and one-off checks, not for loops). `options.z0` freezes KTO's reference point.
 */
export function toyObjective(
  problem: ToyProblem,
  config: ToyTrainConfig,
  theta: readonly number[],
  options: { z0?: number } = {},
): { loss: number; gradient: number[]; z0: number } {
  const pb = prepareProblem(problem);
  const cfg = prepareConfig(config);
  checkCompatible(pb, cfg);
  if (!Array.isArray(theta) || theta.length !== pb.d) fail('theta', `must have ${pb.d} entries`, theta);
  const ws = createWorkspace(pb.K, pb.d);
  theta.forEach((t, j) => (ws.theta[j] = checkFinite(`theta[${j}]`, t)));
  const z0 = options.z0 === undefined ? undefined : checkFinite('z0', options.z0);
  const state = { z0: 0 };
  const loss = evaluateObjective(pb, cfg, ws, state, z0);
  return { loss, gradient: Array.from(ws.gTheta), z0: state.z0 };
}
