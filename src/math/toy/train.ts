// trainToyPolicy (CONVENTIONS.md §5, §7): gradient descent on the toy policy, recording at every step
// what the plots need. Validation happens once up front; the loop itself allocates only the rows of the
// trajectory it returns.
import type { ToyProblem, ToyTrainConfig, ToyTrajectory } from './types.ts';
import { Recorder } from './record.ts';
import { createWorkspace, forward, type Workspace } from './policy.ts';
import { evaluateObjective } from './objective.ts';
import { divergenceLossBound, stepDivergence } from './divergence.ts';
import {
  createOptimizerState,
  OPTIMIZER_STEPS,
  resetOptimizerState,
  type OptimizerState,
} from './optimizers.ts';
import {
  checkCompatible,
  prepareConfig,
  prepareProblem,
  type PreparedConfig,
  type PreparedProblem,
} from './prepare.ts';

/** Reusable buffers for repeated runs of one problem size (the sweeps train many times). */
export interface TrainScratch {
  ws: Workspace;
  opt: OptimizerState;
  state: { z0: number };
}

export function createTrainScratch(pb: PreparedProblem): TrainScratch {
  return { ws: createWorkspace(pb.K, pb.d), opt: createOptimizerState(pb.d), state: { z0: 0 } };
}

/**
 * Trains from θ = 0 for cfg.steps updates and returns the first step at which training diverged
 * (divergence.ts), or −1. With a recorder, records steps 0…steps; without, only the final policy is left
 * in scratch.ws (probs, logp, rho at θ_steps), and a diverged run stops at the step it diverged.
 */
export function runTraining(
  pb: PreparedProblem,
  cfg: PreparedConfig,
  scratch: TrainScratch,
  recorder?: Recorder,
): number {
  const { ws, opt, state } = scratch;
  // A moving reference (TR-DPO) lives in the run's own copy: `pb` is shared by sweeps and other runs.
  const sync = cfg.refSync;
  const run: PreparedProblem = sync ? { ...pb, refLogp: Float64Array.from(pb.refLogp) } : pb;
  ws.theta.fill(0);
  resetOptimizerState(opt);
  const step = OPTIMIZER_STEPS[cfg.optimizer];
  const lr = cfg.learningRate;
  let lossBound = 0;
  let diverged = -1;
  for (let t = 0; ; t++) {
    const loss = evaluateObjective(run, cfg, ws, state);
    recorder?.record(ws, loss, state.z0, run.refLogp);
    if (t === 0) lossBound = divergenceLossBound(loss);
    if (diverged < 0 && stepDivergence(loss, lossBound, ws.logp, ws.theta) !== null) {
      diverged = t;
      if (!recorder) break;
    }
    if (t === cfg.steps) break;
    // A gradient past float64 (an f-divergence's e^(−ρ) far from the reference) would make θ and every
    // probability NaN: the run has diverged there, and the policy stays where it was.
    if (finite(ws.gTheta)) step(ws.theta, ws.gTheta, lr, opt);
    else if (diverged < 0) {
      diverged = t;
      if (!recorder) break;
    }
    // TRL's SyncRefModelCallback runs at on_step_end, after optimizer step global_step = t + 1 (counted
    // whether or not the step moved θ), so step t + 1 is recorded with the synced reference.
    if (sync && (t + 1) % sync.every === 0) {
      forward(run, ws);
      syncReference(run.refLogp, ws.logp, sync.alpha);
    }
  }
  return diverged;
}

/**
 * TRL's ref ← (1−α)·ref + α·policy on every parameter. The toy's logits are linear in θ (base + F·θ for the
 * policy, fixed logits for the reference), so mixing parameters mixes logits, and since softmax ignores a
 * constant shift, mixing the log-probs and renormalising gives the same reference: log π_ref ←
 * logsoftmax((1−α)·log π_ref + α·log π_θ). α = 1 copies log π_θ as is (renormalising could move it by an ulp).
 */
export function syncReference(refLogp: Float64Array, logp: Float64Array, alpha: number): void {
  if (alpha === 1) {
    refLogp.set(logp);
    return;
  }
  let max = -Infinity;
  for (let k = 0; k < refLogp.length; k++) {
    const x = (1 - alpha) * refLogp[k] + alpha * logp[k];
    refLogp[k] = x;
    if (x > max) max = x;
  }
  let sum = 0;
  for (let k = 0; k < refLogp.length; k++) sum += Math.exp(refLogp[k] - max);
  const lse = max + Math.log(sum);
  for (let k = 0; k < refLogp.length; k++) refLogp[k] -= lse;
}

function finite(xs: Float64Array): boolean {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) return false;
  return true;
}

/** Trains an already-validated problem and returns the whole trajectory. */
export function trainPrepared(pb: PreparedProblem, cfg: PreparedConfig): ToyTrajectory {
  const recorder = new Recorder(pb, cfg);
  runTraining(pb, cfg, createTrainScratch(pb), recorder);
  return recorder.trajectory();
}

/**
 * Trains the toy policy of CONVENTIONS.md §5 from θ = 0 and returns steps 0…steps. Throws a RangeError
 * naming the field on invalid input.
 */
export function trainToyPolicy(problem: ToyProblem, config: ToyTrainConfig): ToyTrajectory {
  const pb = prepareProblem(problem);
  const cfg = prepareConfig(config);
  checkCompatible(pb, cfg);
  return trainPrepared(pb, cfg);
}
