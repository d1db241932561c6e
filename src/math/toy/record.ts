// Records a training run step by step into one flat typed array (cheap inside the loop), then hands out
// the trajectory in the plain-array shape of the API. Rows that plots seldom read (θ, log π, ρ) are only
// built when first read: creating an array per step and field costs more than the writes themselves.
import type { ToyTrajectory } from './types.ts';
import { klFromReference, type Workspace } from './policy.ts';
import type { PreparedConfig, PreparedProblem } from './prepare.ts';
import { metricsLoggedBy, type ExplorerMetricOf } from '../trlMetrics.ts';
import { referenceFreeLogged } from '../referenceFree.ts';
import { LD_ALPHA_OFF, ldFactor } from '../ldWpo.ts';
import type { ReferenceFreeInput } from '../types.ts';

/** The metrics each trainer logs that the toy computes, besides 'loss' (recorded on its own), in TRL's order. */
type PairMetric = Exclude<ExplorerMetricOf<'DPOTrainer'>, 'loss'>;
type KtoMetric = Exclude<ExplorerMetricOf<'KTOTrainer'>, 'loss'>;
const PAIR_METRICS = metricsLoggedBy('DPOTrainer', true).filter((m): m is PairMetric => m !== 'loss');
const KTO_METRICS = metricsLoggedBy('KTOTrainer', true).filter((m): m is KtoMetric => m !== 'loss');
/** ORPOTrainer logs CPOTrainer's metrics and two more; a SimPO run records CPO's (no log_odds_*). */
type FreeMetric = Exclude<ExplorerMetricOf<'ORPOTrainer'>, 'loss'>;
const ORPO_METRICS = metricsLoggedBy('ORPOTrainer', true).filter((m): m is FreeMetric => m !== 'loss');
const CPO_LOGS: readonly string[] = metricsLoggedBy('CPOTrainer', true);
const CPO_METRICS = ORPO_METRICS.filter((m) => CPO_LOGS.includes(m));
const METRIC_COLUMNS = Math.max(
  PAIR_METRICS.length,
  KTO_METRICS.length,
  ORPO_METRICS.length,
  CPO_METRICS.length,
);

// Reused input for referenceFreeLogged (the toy has no prompt).
const freeIn: ReferenceFreeInput = { policyChosen: 0, policyRejected: 0, chosenLength: 1, rejectedLength: 1 };

/** Column `offset` of every step of a step-major buffer with `stride` numbers per step. */
function column(flat: Float64Array, stride: number, offset: number): number[] {
  const n = flat.length / stride;
  const out = new Array<number>(n);
  for (let t = 0, at = offset; t < n; t++, at += stride) out[t] = flat[at];
  return out;
}

/** Columns offset…offset+width−1 of every step, one array per step. */
function rows(flat: Float64Array, stride: number, offset: number, width: number): number[][] {
  const n = flat.length / stride;
  const out = new Array<number[]>(n);
  for (let t = 0; t < n; t++) {
    const row = new Array<number>(width);
    for (let k = 0, at = t * stride + offset; k < width; k++, at++) row[k] = flat[at];
    out[t] = row;
  }
  return out;
}

/**
 * One buffer for the whole run, step-major: [probs K | log π K | θ d | margins | loss, kl, z0, metrics].
 * One allocation per run rather than one per field, and each step's writes land side by side.
 */
export class Recorder {
  private readonly buf: Float64Array;
  private readonly stride: number;
  private readonly logpAt: number;
  private readonly thetaAt: number;
  private readonly marginsAt: number;
  private readonly scalarsAt: number;
  /** Where a moving reference's log π_ref row sits (TR-DPO), or −1 when the reference is fixed. */
  private readonly refAt: number;
  private at = 0;
  /**
   * One step's metrics by name (reused), copied into the buffer in PAIR_METRICS / KTO_METRICS order. Typed
   * from trlMetrics.ts: a metric added there as computed for a trainer is a compile error here until the
   * recorder computes it.
   */
  private readonly pairOut: Record<PairMetric, number> = {
    'rewards/chosen': 0,
    'rewards/rejected': 0,
    'rewards/accuracies': 0,
    'rewards/margins': 0,
    'logps/chosen': 0,
    'logps/rejected': 0,
  };
  private readonly ktoOut: Record<KtoMetric, number> = {
    'rewards/chosen': 0,
    'rewards/rejected': 0,
    'rewards/margins': 0,
    'logps/chosen': 0,
    'logps/rejected': 0,
    kl: 0,
  };
  private readonly freeOut: Record<FreeMetric, number> = {
    'rewards/chosen': 0,
    'rewards/rejected': 0,
    'rewards/accuracies': 0,
    'rewards/margins': 0,
    'logps/chosen': 0,
    'logps/rejected': 0,
    nll_loss: 0,
    log_odds_ratio: 0,
    log_odds_chosen: 0,
  };

  constructor(
    private readonly pb: PreparedProblem,
    private readonly cfg: PreparedConfig,
  ) {
    this.logpAt = pb.K;
    this.thetaAt = 2 * pb.K;
    this.marginsAt = this.thetaAt + pb.d;
    this.scalarsAt = this.marginsAt + pb.pairChosen.length;
    this.refAt = cfg.refSync ? this.scalarsAt + 3 + METRIC_COLUMNS : -1;
    this.stride = this.scalarsAt + 3 + METRIC_COLUMNS + (cfg.refSync ? pb.K : 0);
    this.buf = new Float64Array((cfg.steps + 1) * this.stride);
  }

  /** Records step t: ws at θ_t, evaluated against `refLogp`, the reference of step t (after its sync). */
  record(ws: Workspace, loss: number, z0: number, refLogp: Float64Array): void {
    const { pb, buf, at } = this;
    const K = pb.K;
    for (let k = 0; k < K; k++) {
      buf[at + k] = ws.probs[k];
      buf[at + K + k] = ws.logp[k];
    }
    if (this.refAt >= 0) for (let k = 0, o = at + this.refAt; k < K; k++) buf[o + k] = refLogp[k];
    for (let j = 0, o = at + this.thetaAt; j < pb.d; j++) buf[o + j] = ws.theta[j];
    for (let i = 0, o = at + this.marginsAt; i < pb.pairChosen.length; i++)
      buf[o + i] = ws.rho[pb.pairChosen[i]] - ws.rho[pb.pairRejected[i]];
    const s = at + this.scalarsAt;
    buf[s] = loss;
    buf[s + 1] = klFromReference(pb, ws);
    buf[s + 2] = z0;
    if (this.cfg.loss.kind === 'kto') this.recordKto(ws, z0, s + 3);
    else if (this.cfg.loss.kind === 'reference-free') this.recordReferenceFree(ws, s + 3);
    else this.recordPairs(ws, s + 3);
    this.at += this.stride;
  }

  /**
   * TRL's DPO metrics averaged over the dataset the problem stands for: pair i appears as (chosen,
   * rejected) with weight wᵢ·pᵢ and flipped with weight wᵢ·(1 − pᵢ), so label noise shows up in the logs as
   * it would in TRL's (accuracy at most Σ wᵢ·max(pᵢ, 1 − pᵢ)). Weighted means of β·ρ and of the summed
   * log-probs of the response labelled chosen / rejected; strict > for accuracy. Under LD-DPO (ldAlpha ≠ 1)
   * both are TRL's weighted sums: log π and ρ of y scaled by the pair's factor f(y) (ldWpo.ts), as TRL logs
   * the rewards and logps from the weighted logps.
   */
  private recordPairs(ws: Workspace, m: number): void {
    const { pb, buf } = this;
    const beta = this.cfg.beta;
    const ldAlpha = this.cfg.loss.kind === 'pair' ? this.cfg.loss.ldAlpha : LD_ALPHA_OFF;
    let total = 0;
    let chosen = 0;
    let rejected = 0;
    let accuracy = 0;
    let logpChosen = 0;
    let logpRejected = 0;
    for (let i = 0; i < pb.pairChosen.length; i++) {
      const c = pb.pairChosen[i];
      const r = pb.pairRejected[i];
      const fc = ldFactor(ldAlpha, pb.length[c], pb.length[r]);
      const fr = ldFactor(ldAlpha, pb.length[r], pb.length[c]);
      const rc = beta * fc * ws.rho[c];
      const rr = beta * fr * ws.rho[r];
      const lc = fc * ws.logp[c];
      const lr = fr * ws.logp[r];
      const w = pb.pairWeight[i];
      const p = pb.pairP[i];
      const wAsStated = w * p;
      const wFlipped = w * (1 - p);
      if (wAsStated > 0) {
        total += wAsStated;
        chosen += wAsStated * rc;
        rejected += wAsStated * rr;
        if (rc > rr) accuracy += wAsStated;
        logpChosen += wAsStated * lc;
        logpRejected += wAsStated * lr;
      }
      if (wFlipped > 0) {
        total += wFlipped;
        chosen += wFlipped * rr;
        rejected += wFlipped * rc;
        if (rr > rc) accuracy += wFlipped;
        logpChosen += wFlipped * lr;
        logpRejected += wFlipped * lc;
      }
    }
    const out = this.pairOut;
    out['rewards/chosen'] = chosen / total;
    out['rewards/rejected'] = rejected / total;
    out['rewards/margins'] = (chosen - rejected) / total;
    out['rewards/accuracies'] = accuracy / total;
    out['logps/chosen'] = logpChosen / total;
    out['logps/rejected'] = logpRejected / total;
    for (let i = 0; i < PAIR_METRICS.length; i++) buf[m + i] = out[PAIR_METRICS[i]];
  }

  /**
   * What CPOTrainer (SimPO) / ORPOTrainer log, over the dataset as recordPairs weighs it: their rewards are
   * β × the per-token mean log-prob (no reference), logps/* those means (both trainers average per token),
   * nll_loss and ORPO's log_odds_ratio, log_odds_chosen as the trainers compute them per pair.
   */
  private recordReferenceFree(ws: Workspace, m: number): void {
    const { pb, buf } = this;
    if (this.cfg.loss.kind !== 'reference-free') return;
    const { type, params } = this.cfg.loss;
    const beta = this.cfg.beta;
    const out = this.freeOut;
    for (const key of ORPO_METRICS) out[key] = 0;
    let total = 0;
    const add = (c: number, r: number, weight: number) => {
      const a = ws.logp[c] / pb.length[c];
      const b = ws.logp[r] / pb.length[r];
      freeIn.policyChosen = ws.logp[c];
      freeIn.policyRejected = ws.logp[r];
      freeIn.chosenLength = pb.length[c];
      freeIn.rejectedLength = pb.length[r];
      const logged = referenceFreeLogged(type, freeIn, params);
      total += weight;
      out['rewards/chosen'] += weight * beta * a;
      out['rewards/rejected'] += weight * beta * b;
      out['rewards/margins'] += weight * (beta * a - beta * b);
      if (beta * a > beta * b) out['rewards/accuracies'] += weight;
      out['logps/chosen'] += weight * a;
      out['logps/rejected'] += weight * b;
      out.nll_loss += weight * logged.nll;
      out.log_odds_ratio += weight * logged.logOddsRatio;
      out.log_odds_chosen += weight * logged.logOdds;
    };
    for (let i = 0; i < pb.pairChosen.length; i++) {
      const w = pb.pairWeight[i];
      const p = pb.pairP[i];
      if (w * p > 0) add(pb.pairChosen[i], pb.pairRejected[i], w * p);
      if (w * (1 - p) > 0) add(pb.pairRejected[i], pb.pairChosen[i], w * (1 - p));
    }
    const names = type === 'orpo' ? ORPO_METRICS : CPO_METRICS;
    for (let i = 0; i < names.length; i++) buf[m + i] = out[names[i]] / total;
  }

  /**
   * TRL's KTO metrics over the dataset the examples stand for: class means weighted by the examples'
   * weights (NaN for a class without weight, where TRL logs nothing) and the KL estimate z0.
   */
  private recordKto(ws: Workspace, z0: number, m: number): void {
    const { pb, buf } = this;
    const beta = this.cfg.beta;
    let wD = 0;
    let wU = 0;
    let rewardD = 0;
    let rewardU = 0;
    let logpD = 0;
    let logpU = 0;
    for (let i = 0; i < pb.unpairedResponse.length; i++) {
      const w = pb.unpairedWeight[i];
      if (!(w > 0)) continue;
      const y = pb.unpairedResponse[i];
      if (pb.unpairedDesirable[i] === 1) {
        wD += w;
        rewardD += w * ws.rho[y];
        logpD += w * ws.logp[y];
      } else {
        wU += w;
        rewardU += w * ws.rho[y];
        logpU += w * ws.logp[y];
      }
    }
    // 0/0 = NaN for an empty class, as wanted.
    const chosen = (beta * rewardD) / wD;
    const rejected = (beta * rewardU) / wU;
    const out = this.ktoOut;
    out['rewards/chosen'] = chosen;
    out['rewards/rejected'] = rejected;
    out['rewards/margins'] = chosen - rejected;
    out['logps/chosen'] = logpD / wD;
    out['logps/rejected'] = logpU / wU;
    out.kl = z0;
    for (let i = 0; i < KTO_METRICS.length; i++) buf[m + i] = out[KTO_METRICS[i]];
  }

  /** The recorded steps in the API's shape; θ and log π rows are built when first read. */
  trajectory(): ToyTrajectory {
    const { pb, buf, stride } = this;
    const loss = this.cfg.loss;
    const names: readonly string[] =
      loss.kind === 'kto'
        ? KTO_METRICS
        : loss.kind === 'reference-free'
          ? loss.type === 'orpo'
            ? ORPO_METRICS
            : CPO_METRICS
          : PAIR_METRICS;
    const lossColumn = column(buf, stride, this.scalarsAt);
    const metrics: Record<string, number[]> = { loss: lossColumn };
    names.forEach((name, i) => (metrics[name] = column(buf, stride, this.scalarsAt + 3 + i)));
    const traj: ToyTrajectory = {
      probs: rows(buf, stride, 0, pb.K),
      loss: lossColumn,
      logProbs: [],
      logRatios: [],
      margins: rows(buf, stride, this.marginsAt, pb.pairChosen.length),
      metrics,
      kl: column(buf, stride, this.scalarsAt + 1),
      z0: this.cfg.loss.kind === 'kto' ? column(buf, stride, this.scalarsAt + 2) : null,
      theta: [],
      refLogProbs: this.refAt >= 0 ? rows(buf, stride, this.refAt, pb.K) : null,
    };
    this.defineLazy(traj, 'logProbs', () => rows(buf, stride, this.logpAt, pb.K));
    this.defineLazy(traj, 'theta', () => rows(buf, stride, this.thetaAt, pb.d));
    // ρ against each step's own reference when it moves (TR-DPO), else the fixed one.
    const refs = traj.refLogProbs;
    this.defineLazy(traj, 'logRatios', () =>
      traj.logProbs.map((row, t) => row.map((lp, k) => lp - (refs ? refs[t][k] : pb.refLogp[k]))),
    );
    return traj;
  }

  /** Defines traj[key] as `build()`, run on first read and then kept. */
  private defineLazy(traj: ToyTrajectory, key: 'logProbs' | 'logRatios' | 'theta', build: () => number[][]) {
    let built: number[][] | undefined;
    Object.defineProperty(traj, key, { enumerable: true, get: () => (built ??= build()) });
  }
}
