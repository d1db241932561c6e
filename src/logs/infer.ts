// What a log shows about its own settings: β (reference-free runs only) and whether log-probs are summed
// over tokens or per-token means.
import type { LogSeries, LogpUnitBasis, TrainerKind, TrainerLog } from './types.ts';

/**
 * Ratios rewards/x ÷ logps/x of one run agree to this relative spread when rewards = β·logps. Both are
 * float32 means logged as float64 (relative error ~1e-7 each) and some loggers round to 4 significant digits
 * (~1e-4); a DPO reward β·(logπ − logπ_ref) divided by logπ varies far more from batch to batch.
 */
const RATIO_SPREAD = 2e-3;

/** At least this many (row, chosen/rejected) ratios before β is read off: one ratio is always "constant". */
const MIN_RATIOS = 3;

/** Summed log-probs of real completions (tens of tokens at ~1 nat each) are at most about this. */
const SUMMED_AT_MOST = -20;

/** Per-token mean log-probs lie in (MEAN_ABOVE, 0): −10 ≈ −ln of a 22,000-token vocabulary's uniform guess. */
const MEAN_ABOVE = -10;

function finiteRatios(s: LogSeries, out: number[]): void {
  for (const side of ['chosen', 'rejected']) {
    const r = s.series[`rewards/${side}`];
    const l = s.series[`logps/${side}`];
    if (!r || !l) continue;
    for (let i = 0; i < r.length; i++) {
      // Tiny log-probs make the ratio all rounding; skip them.
      if (Number.isFinite(r[i]) && Number.isFinite(l[i]) && Math.abs(l[i]) > 1e-6 && r[i] !== 0)
        out.push(r[i] / l[i]);
    }
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * β where the log shows it: reference-free trainers (TRL's ORPO and CPO/SimPO, LLaMA-Factory's ORPO and
 * SimPO) log rewards/chosen = β·logps/chosen and the same for rejected, so the ratio is one positive constant
 * on every row. Reference-based runs (DPO, KTO) log β·(logπ − logπ_ref): the log holds no logπ_ref, so β is
 * not in it (null). The median ratio is rounded to 6 significant digits, past the float32 noise.
 * Returns that β; 'varies' when enough ratios show it is not constant (the rewards have a reference);
 * 'unknown' when the log has too few to tell.
 */
export function rewardLogpRatio(train: LogSeries, ev: LogSeries): number | 'varies' | 'unknown' {
  const ratios: number[] = [];
  finiteRatios(train, ratios);
  finiteRatios(ev, ratios);
  if (ratios.length < MIN_RATIOS) return 'unknown';
  const m = median(ratios);
  if (!(m > 0)) return 'varies';
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of ratios) {
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  const spread = (hi - lo) / m;
  return spread <= RATIO_SPREAD ? Number(m.toPrecision(6)) : 'varies';
}

/**
 * Summed over tokens or per-token means, and how that was decided:
 * - ORPO (TRL and LLaMA-Factory) always averages per token (TRL: `concatenated_forward(average_log_prob=True)`);
 * - a reference-free run whose rewards are β·logps (SimPO; TRL's CPO averages for simpo and ipo) averages too;
 * - otherwise the size decides: summed log-probs of real completions are ≤ −20 (median of all logged logps),
 *   per-token means lie in (−10, 0) (all of them); in between, or with no logps/*, 'unknown'.
 */
export function inferLogpUnit(
  trainer: TrainerKind,
  rewardsAreBetaLogps: boolean,
  train: LogSeries,
  ev: LogSeries,
): { unit: TrainerLog['logpUnit']; basis: LogpUnitBasis } {
  const values: number[] = [];
  for (const s of [train, ev])
    for (const k of ['logps/chosen', 'logps/rejected'])
      for (const v of s.series[k] ?? []) if (Number.isFinite(v)) values.push(v);
  if (values.length === 0) return { unit: 'unknown', basis: 'none' };
  if (trainer === 'orpo') return { unit: 'mean', basis: 'trainer' };
  // TRL's CPO with loss_type "sigmoid" or "hinge" is reference-free but sums: its rewards are β·logps too, so
  // the ratio alone does not say "mean"; with it, per-token means must also have the size of means.
  const allMeanSized = values.every((v) => v > MEAN_ABOVE && v < 0);
  if (rewardsAreBetaLogps && allMeanSized) return { unit: 'mean', basis: 'reward-ratio' };
  if (median(values) <= SUMMED_AT_MOST) return { unit: 'summed', basis: 'magnitude' };
  if (allMeanSized) return { unit: 'mean', basis: 'magnitude' };
  return { unit: 'unknown', basis: 'none' };
}
