// Synthetic trainer_state.json logs for the log reader's tests (src/logs) and the page's, one per shape a
// real log can have: DPO (healthy, displaced, running away, small batch, diverging), KTO, TRL's and
// LLaMA-Factory's ORPO, CPO and SimPO, `train/`/`eval/` prefixes, bare NaN/Infinity, resumed checkpoints,
// GRPO and PPO (refused). The numbers follow the trainers' own formulas (DPO loss −log σ(margin), rewards =
// β·logps where a run is reference-free), with seeded noise.
// `npx tsx scripts/trlLogFixtures.ts` writes the files into tests/fixtures/trl-logs/; tests build them in
// memory with the same functions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Row = Record<string, number | string>;

/** Seeded uniform numbers in [0, 1) (mulberry32), so every fixture is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal noise from a uniform source (Box–Muller). */
export function gauss(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

const softplus = (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));

/**
 * Python's json.dumps of a trainer state: indent 2, bare NaN / Infinity / -Infinity for non-finite numbers
 * (which JSON.stringify would write as null).
 */
export function trainerStateText(logHistory: Row[], extra: Record<string, unknown> = {}): string {
  const mark = (v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v)
      ? `@@${Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity'}@@`
      : v;
  const last = logHistory[logHistory.length - 1];
  const state = {
    best_metric: null,
    epoch: 1,
    global_step: typeof last?.step === 'number' ? last.step : 0,
    is_local_process_zero: true,
    log_history: logHistory,
    ...extra,
  };
  return JSON.stringify(state, (_k, v: unknown) => mark(v), 2).replace(/"@@(NaN|-?Infinity)@@"/g, '$1');
}

export interface DpoShape {
  rows: number;
  /** Steps between logged rows. */
  every?: number;
  /** Smooth rewards/chosen and rewards/margins at run fraction t ∈ [0, 1]. */
  chosen: (t: number) => number;
  margins: (t: number) => number;
  /** Noise of each logged mean (reward units). */
  noise?: number;
  /** Pairs behind one logged accuracy (a multiple of 1/pairs); Infinity: a smooth fraction. */
  pairs?: number;
  /** Summed log-probs around −150 (false: per-token means around −1.2). */
  summed?: boolean;
  seed?: number;
  /** The loss of a row from its margin (DPO's sigmoid loss by default). */
  loss?: (margin: number) => number;
  gradNorm?: (t: number, u: () => number) => number;
  /** An eval row every this many train rows (0: none). */
  evalEvery?: number;
}

/** A DPO run's log_history (TRL's DPOTrainer names), with a final summary row. */
export function dpoRows(s: DpoShape): Row[] {
  const u = rng(s.seed ?? 1);
  const every = s.every ?? 10;
  const noise = s.noise ?? 0.05;
  const loss = s.loss ?? ((m: number) => softplus(-m));
  const rows: Row[] = [];
  const base = s.summed === false ? -1.2 : -150;
  // Per-token means move ~100 times less than sums over ~100 tokens.
  const scale = s.summed === false ? 0.01 : 1;
  for (let i = 0; i < s.rows; i++) {
    const t = s.rows === 1 ? 0 : i / (s.rows - 1);
    const c = s.chosen(t) + noise * gauss(u);
    const m = s.margins(t) + noise * gauss(u);
    const p = 1 / (1 + Math.exp(-2 * m));
    const pairs = s.pairs ?? Infinity;
    const acc = Number.isFinite(pairs)
      ? Math.round(pairs * Math.min(1, Math.max(0, p + 0.3 * gauss(u)))) / pairs
      : Math.min(1, Math.max(0, p + 0.02 * gauss(u)));
    const row: Row = {
      epoch: (i + 1) / s.rows,
      grad_norm: s.gradNorm ? s.gradNorm(t, u) : 5 + gauss(u),
      learning_rate: 5e-7,
      'logits/chosen': -1.5 + 0.1 * gauss(u),
      'logits/rejected': -1.6 + 0.1 * gauss(u),
      'logps/chosen': base + scale * (c / 0.1 + 3 * gauss(u)),
      'logps/rejected': base + scale * (-5 + 3 * gauss(u)),
      loss: Math.round(loss(m) * 1e4) / 1e4,
      'rewards/accuracies': acc,
      'rewards/chosen': c,
      'rewards/margins': m,
      'rewards/rejected': c - m,
      step: (i + 1) * every,
    };
    rows.push(row);
    if (s.evalEvery && (i + 1) % s.evalEvery === 0) {
      rows.push({
        epoch: (i + 1) / s.rows,
        eval_loss: loss(s.margins(t)),
        'eval_rewards/chosen': s.chosen(t),
        'eval_rewards/rejected': s.chosen(t) - s.margins(t),
        'eval_rewards/margins': s.margins(t),
        'eval_rewards/accuracies': 0.7,
        'eval_logps/chosen': base,
        'eval_logps/rejected': base - 5,
        eval_runtime: 12.5,
        eval_samples_per_second: 8,
        eval_steps_per_second: 1,
        step: (i + 1) * every,
      });
    }
  }
  rows.push(summaryRow(s.rows * every, 0.5));
  return rows;
}

/**
 * Sets the first n training rows to policy = reference, as a run logs them before its first update (or
 * while warm-up holds the learning rate at 0): loss ln 2 rounded as HF logs it, every reward and the
 * accuracy 0 (TRL counts chosen > rejected strictly).
 */
export function startAtReference(rows: Row[], n = 1): Row[] {
  for (const r of rows.filter((r) => 'loss' in r).slice(0, n))
    Object.assign(r, {
      loss: 0.6931,
      'rewards/chosen': 0,
      'rewards/rejected': 0,
      'rewards/margins': 0,
      'rewards/accuracies': 0,
    });
  return rows;
}

/** The Trainer's last row: run totals, no per-step metrics. */
export function summaryRow(step: number, trainLoss: number): Row {
  return {
    epoch: 1,
    step,
    total_flos: 0,
    train_loss: trainLoss,
    train_runtime: 100,
    train_samples_per_second: 4,
    train_steps_per_second: 1,
  };
}

/** A KTO run (TRL's KTOTrainer names: kl, rewards/* and logps/*, no rewards/accuracies). */
export function ktoRows(rows: number, kl: (t: number, u: () => number) => number, seed = 2): Row[] {
  const u = rng(seed);
  const out: Row[] = [];
  for (let i = 0; i < rows; i++) {
    const t = i / Math.max(1, rows - 1);
    const c = 0.5 * t + 0.05 * gauss(u);
    const r = -0.8 * t + 0.05 * gauss(u);
    out.push({
      epoch: t,
      grad_norm: 3 + gauss(u),
      kl: kl(t, u),
      learning_rate: 5e-7,
      'logits/chosen': -1.2,
      'logits/rejected': -1.3,
      'logps/chosen': -120 + 10 * t,
      'logps/rejected': -130 - 20 * t,
      loss: 0.5 - 0.2 * t + 0.01 * gauss(u),
      'rewards/chosen': c,
      'rewards/margins': c - r,
      'rewards/rejected': r,
      step: (i + 1) * 5,
    });
  }
  out.push(summaryRow(rows * 5, 0.4));
  return out;
}

/**
 * A reference-free run: rewards = β·logps. `names` picks the trainer's names: TRL's ORPO (nll_loss,
 * log_odds_ratio, log_odds_chosen), LLaMA-Factory's ORPO (odds_ratio_loss, sft_loss), TRL's CPO/SimPO
 * (nll_loss), or LLaMA-Factory's SimPO (DPO's names only).
 */
export function referenceFreeRows(
  names: 'orpo-trl' | 'orpo-llamafactory' | 'cpo' | 'simpo-llamafactory',
  beta: number,
  logpChosen: (t: number) => number,
  rows = 30,
  seed = 3,
): Row[] {
  const u = rng(seed);
  const out: Row[] = [];
  for (let i = 0; i < rows; i++) {
    const t = i / (rows - 1);
    const lc = logpChosen(t) * (1 + 0.02 * gauss(u));
    const lr = lc * 1.1 - 0.05 * Math.abs(lc) * t;
    // Logged as float32 means, as TRL's .item() of a float32 tensor gives.
    const f32 = (x: number) => Math.fround(x);
    const row: Row = {
      epoch: t,
      grad_norm: 8 + gauss(u),
      learning_rate: 8e-6,
      'logits/chosen': -2,
      'logits/rejected': -2,
      'logps/chosen': f32(lc),
      'logps/rejected': f32(lr),
      loss: 1 - 0.5 * t,
      'rewards/accuracies': Math.min(1, 0.5 + 0.3 * t),
      'rewards/chosen': f32(beta * f32(lc)),
      'rewards/margins': f32(beta * f32(lc) - beta * f32(lr)),
      'rewards/rejected': f32(beta * f32(lr)),
      step: (i + 1) * 10,
    };
    if (names === 'orpo-trl')
      Object.assign(row, { nll_loss: 0.9 - 0.4 * t, log_odds_ratio: -0.6 + t, log_odds_chosen: 0.1 + t });
    if (names === 'orpo-llamafactory') Object.assign(row, { odds_ratio_loss: 8 - 6 * t, sft_loss: 0.03 });
    if (names === 'cpo') Object.assign(row, { nll_loss: 0.9 - 0.4 * t });
    out.push(row);
  }
  out.push(summaryRow(rows * 10, 0.7));
  return out;
}

/** Keys renamed as W&B-style loggers write them: `train/…` for training rows, `eval/…` for eval rows. */
export function slashPrefixed(rows: Row[]): Row[] {
  return rows.map((r) => {
    const isEval = Object.keys(r).some((k) => k.startsWith('eval_'));
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) {
      if (k === 'step') out[k] = v;
      else if (isEval) out[k.startsWith('eval_') ? `eval/${k.slice(5)}` : k] = v;
      else out[`train/${k}`] = v;
    }
    return out;
  });
}

/** A GRPO run's rows (it logs kl and rewards/<fn>/mean too, with reward_std and completions/*). */
export function grpoRows(rows: number): Row[] {
  return Array.from({ length: rows }, (_, i) => ({
    'completions/mean_length': 200,
    epoch: i / rows,
    grad_norm: 0.3,
    kl: 0.001 * i,
    learning_rate: 1e-6,
    loss: 0.01,
    reward: 0.5,
    reward_std: 0.2,
    'rewards/accuracy_reward/mean': 0.5,
    step: i + 1,
  }));
}

/** A PPO run's rows (TRL's PPOTrainer: objective/*, policy/*, val/*). */
export function ppoRows(rows: number): Row[] {
  return Array.from({ length: rows }, (_, i) => ({
    episode: 64 * (i + 1),
    'objective/kl': 0.1 * i,
    'objective/scores': 1,
    'policy/approxkl_avg': 0.01,
    'val/ratio': 1,
    loss: 0.2,
    step: i + 1,
  }));
}

/** The files written into tests/fixtures/trl-logs/ (for the page's tests; unit tests build them in memory). */
export function fixtureFiles(): Record<string, string> {
  const lin = (a: number, b: number) => (t: number) => a + (b - a) * t;
  const displaced = startAtReference(
    dpoRows({ rows: 80, chosen: lin(0, -2), margins: lin(0, 3), evalEvery: 20 }),
  );
  const resumed = [...displaced.slice(0, 50).filter((r) => !('train_runtime' in r)), ...displaced];
  return {
    'dpo_displacement.json': trainerStateText(displaced),
    'dpo_runaway.json': trainerStateText(
      dpoRows({ rows: 60, chosen: lin(0, 1), margins: lin(0, 25), noise: 0.05 }),
    ),
    'dpo_batch2_nan.json': trainerStateText(
      dpoRows({
        rows: 40,
        every: 1,
        pairs: 2,
        chosen: lin(0, 0.2),
        margins: lin(0, 0.5),
        gradNorm: (t) => (t > 0.8 ? NaN : t > 0.5 ? Infinity : 4),
        loss: (m) => (m > 0.45 ? NaN : softplus(-m)),
      }),
    ),
    'dpo_resumed.json': trainerStateText(resumed),
    'dpo_prefixed.json': trainerStateText(
      slashPrefixed(dpoRows({ rows: 30, chosen: lin(0, 0.3), margins: lin(0, 1), evalEvery: 10 })),
    ),
    'kto_kl_zero.json': trainerStateText(ktoRows(40, (t) => (t < 0.2 ? 0.01 : 0))),
    'orpo_trl.json': trainerStateText(referenceFreeRows('orpo-trl', 0.1, lin(-1.4, -0.6))),
    'orpo_llamafactory_synthetic.json': trainerStateText(
      referenceFreeRows('orpo-llamafactory', 0.1, lin(-1.4, -0.6)),
    ),
    'simpo_cpo.json': trainerStateText(referenceFreeRows('cpo', 2, lin(-1.1, -0.9))),
    'grpo_synthetic.json': trainerStateText(grpoRows(20)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = fileURLToPath(new URL('../tests/fixtures/trl-logs/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(fixtureFiles())) writeFileSync(dir + name, text);
  console.log(`wrote ${Object.keys(fixtureFiles()).length} logs into ${dir}`);
}
