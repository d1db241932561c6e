// English words of "Your TRL log" (types/trlLog.ts).
import type { Finding } from '../../logs/index.ts';
import type { TrlLogStrings } from '../types/trlLog.ts';

/** Three significant digits, as the logs' own rounding mostly shows them. */
const n = (x: number | undefined): string =>
  x === undefined ? '?' : Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x);

const CAUSE = {
  'nan-loss': 'the loss became NaN or infinite',
  'nan-grad-norm': 'grad_norm became NaN or infinite and stayed so',
  'loss-explodes': 'the loss grew past ten times its early level',
  'grad-norm-explodes': 'grad_norm grew past a hundred times its early level',
} as const;

function findingTitle(f: Finding): string {
  const v = f.values;
  switch (f.id) {
    case 'start-at-ln2':
      return `The loss starts at ln 2 ≈ 0.693 and every reward at 0.`;
    case 'chosen-reward-falls':
      return `rewards/chosen falls while rewards/margins grows.`;
    case 'margin-runaway':
      return `The loss is near 0 and the margins keep growing.`;
    case 'accuracy-granularity':
      return `rewards/accuracies only takes multiples of 1/${n(v.batch)} (${n(v.distinct)} values in ${n(v.rows)} rows).`;
    case 'kto-kl-zero':
      return `KTO’s kl is 0 in ${n(v.zeroRows)} of ${n(v.rows)} rows.`;
    case 'diverged':
      return `The run diverged from step ${n(v.firstStep)}: ${f.cause ? CAUSE[f.cause] : ''}.`;
  }
}

function findingText(f: Finding): string {
  const v = f.values;
  switch (f.id) {
    case 'start-at-ln2':
      return (
        `loss = ${n(v.loss)}, rewards/margins = ${n(v.margins)}. At the first step the policy is the reference ` +
        'model, so every log-ratio is 0, every reward β·0 = 0, and the DPO loss is −log σ(0) = ln 2. ' +
        // Said only where this log shows it: a logged row averages its logging window, so after a first
        // update the accuracy need not be 0, and a warm-up need not start at a learning rate of 0.
        (v.learningRate === 0 ? 'Its learning rate of 0 (warm-up) keeps it there. ' : '') +
        (v.accuracy === 0
          ? 'rewards/accuracies is 0 because a tie does not count as correct (TRL uses a strict >). '
          : v.accuracy !== undefined
            ? `rewards/accuracies is already ${n(v.accuracy)}: a logged row averages the steps of its logging window, and after the first update the rewards are no longer tied (at the very first step a tie counts as wrong: TRL uses a strict >). `
            : '') +
        'Nothing is broken.'
      );
    case 'chosen-reward-falls':
      return (
        `Smoothed over ${n(v.window)} rows, rewards/chosen goes from ${n(v.chosenFrom)} to ${n(v.chosenTo)} ` +
        `while rewards/margins goes from ${n(v.marginsFrom)} to ${n(v.marginsTo)}. DPO only asks the chosen ` +
        'answer to gain on the rejected one: pushing both down, the rejected faster, lowers the loss too. ' +
        'This is likelihood displacement, common and not a bug; it is judged on rewards (the log-ratio ' +
        'against the reference), since logps/* change with each batch’s samples.'
      );
    case 'margin-runaway':
      return (
        `The smoothed loss is down to ${n(v.lossTo)} while rewards/margins grows from ${n(v.marginsFrom)} to ` +
        `${n(v.marginsTo)} (last logged: ${n(v.lastMargin)}). When every pair is separated, DPO’s loss keeps ` +
        'rewarding a larger margin without end: it over-fits deterministic preferences and drifts from the ' +
        'reference. IPO’s loss would level the margin off at 1/(2β).'
      );
    case 'accuracy-granularity':
      return (
        `Each logged accuracy is the share of pairs whose chosen reward beats the rejected one, over the pairs ` +
        `behind one logged value: here ${n(v.batch)} (per-device batch × devices × gradient accumulation × ` +
        'logging steps). With so few pairs it can only jump between a few values: read its trend, not ' +
        'single rows, or log over more pairs.'
      );
    case 'kto-kl-zero':
      return (
        'TRL estimates the KL term from mismatched pairs of the batch and clamps the estimate at 0 ' +
        '(it is detached: no gradient flows through it). Early in training, or with a small batch, the ' +
        'estimate is often negative, so the logged kl is exactly 0. The loss then uses 0 as its reference point.'
      );
    case 'diverged':
      return (
        // The largest FINITE values (diagnose.ts): a run whose grad_norm went to ∞ while its loss still fell
        // must not read as "the loss blew up" beside a plot where it did not.
        `The largest finite values logged: loss ${n(v.lossMax)}, grad_norm ${n(v.gradNormMax)} (NaN rows are ` +
        'left out of the plots). A learning rate too large for the model, fp16 overflow or a bad batch make a ' +
        'step overshoot: the gradients or the loss blow up, and once a weight is NaN every later row is NaN. ' +
        'Lower the learning rate, warm up longer, clip gradients or use bf16.'
      );
  }
}

const FINDING_LINK = {
  'start-at-ln2': 'See it in the lesson “Reading a TRL log”',
  'chosen-reward-falls': 'See likelihood displacement in the toy',
  'margin-runaway': 'See DPO against IPO on deterministic preferences in the toy',
  'kto-kl-zero': 'See KTO’s reference point in the lesson',
  diverged: 'See a too-large learning rate diverge in the toy',
};

const GROUP_NAME = {
  optimisation: 'loss and optimisation',
  rewards: 'rewards',
  logps: 'log-probs and logits',
  trainer: 'this trainer’s own metrics',
} as const;

export const EN_TRL_LOG: TrlLogStrings = {
  open: 'Your TRL log',
  close: 'Close the log',
  heading: 'Your TRL run, explained',
  intro:
    'Open a trainer_state.json (its log_history) from a DPO, KTO, ORPO or CPO/SimPO run. It is read in ' +
    'this browser: nothing is uploaded and the log is never put in the link.',
  chooseFile: 'Choose a file…',
  dropHere: 'or drop it here',
  pasteLabel: 'Or paste its text',
  read: 'Read',
  reading: 'Reading…',
  loaded: (name, trainer) => `Showing ${name}: a ${trainer} run.`,
  pasted: 'the pasted text',
  errorHeading: 'This log cannot be shown.',
  error: (kind, found) => {
    switch (kind) {
      case 'not-json':
        return 'This is not readable JSON: the file may be cut off (a copy that stopped early) or not a trainer_state.json.';
      case 'no-log-history':
        return 'This JSON has no “log_history” list: open the trainer_state.json that the Trainer writes in each checkpoint folder.';
      case 'empty':
        return 'This log has no training rows yet: it is empty or holds only the final summary.';
      case 'too-large':
        return 'This file is too large (over 100 MB). Open a shorter log, or keep only its log_history.';
      case 'not-preference':
        return found === 'grpo'
          ? 'This is a GRPO log (it has reward_std, completions/… keys): an on-policy RL run, not preference training. Its kl and rewards mean something else, so it is not shown.'
          : found === 'ppo'
            ? 'This is a PPO/RLOO log (objective/…, ppo/… keys): an on-policy RL run, not preference training, so it is not shown.'
            : found === 'sft'
              ? 'This is a supervised fine-tuning (SFT) log: it has a loss but no rewards/… or logps/…, so there is no preference training to explain.'
              : 'This log has none of the names DPO, KTO, ORPO or CPO log (rewards/…, logps/…, kl, log_odds_ratio), so it is not shown.';
    }
  },
  keptLast: (name) => `Still showing ${name}.`,
  aboutHeading: 'What this log is',
  trainerName: { dpo: 'DPO', kto: 'KTO', orpo: 'ORPO', cpo: 'CPO/SimPO' },
  trainer: (trainer, source) => {
    const tool = source === 'llamafactory' ? 'LLaMA-Factory' : 'TRL';
    switch (trainer) {
      case 'dpo':
        return `DPO-family trainer (${tool}): it logs rewards/* and logps/*, with a reference model.`;
      case 'kto':
        return `KTO trainer (${tool}): it logs kl and rewards/* but no rewards/accuracies.`;
      case 'orpo':
        // LLaMA-Factory names ORPO's two terms sft_loss and odds_ratio_loss; TRL logs nll_loss and log_odds_*.
        return source === 'llamafactory'
          ? `ORPO trainer (${tool}): it logs sft_loss and odds_ratio_loss; no reference model.`
          : `ORPO trainer (${tool}): it logs an SFT loss (nll_loss) and the log odds ratio; no reference model.`;
      case 'cpo':
        return `CPO/SimPO trainer (${tool}): rewards are β·logps, with no reference model.`;
    }
  },
  rows: (train, evalRows, first, last) =>
    `${train} train rows (steps ${first}–${last}) and ${evalRows} eval rows.`,
  logpUnit: (unit, basis) => {
    const what =
      unit === 'summed'
        ? 'logps/* are summed log-probabilities of each answer'
        : unit === 'mean'
          ? 'logps/* are per-token means'
          : 'whether logps/* are sums or per-token means cannot be told';
    const how =
      basis === 'trainer'
        ? 'this trainer always averages per token'
        : basis === 'reward-ratio'
          ? 'rewards are β·logps and every logps is between −10 and 0'
          : basis === 'magnitude'
            ? unit === 'summed'
              ? 'their median is −20 or lower, the size of a whole answer'
              : 'every value is between −10 and 0, the size of one token'
            : 'the log shows nothing that decides it';
    return `${what} (${how}).`;
  },
  beta: (beta) =>
    beta === null
      ? 'β is not in the log (DPO and KTO log β times a log-ratio without its parts).'
      : `β = ${beta}: rewards/* are β·logps/* on every row (a run without a reference model).`,
  plotsHeading: 'Logged metrics',
  trainCaption: 'TRL’s own names. Faint: every logged row; the strong line: a centred moving mean.',
  trainTitle: 'Training',
  evalTitle: 'Evaluation',
  evalCaption: 'The eval_ rows (prefix removed), apart from training.',
  plotTitle: (part, group) => `${part}: ${GROUP_NAME[group]}`,
  groupCaption: {
    optimisation:
      'The loss and, where the log has them, the gradient norm (before clipping) and the scheduled learning rate.',
    rewards:
      'β times each answer’s log-ratio against the reference (β·logps without a reference model), their margin, and (where logged) how often the chosen reward wins.',
    logps:
      'The log-probabilities of the chosen and rejected answers and their mean logits: they change with each batch’s samples, so read their trend.',
    trainer:
      'Metrics only some trainers log, such as KTO’s kl, ORPO’s and CPO’s nll_loss, ORPO’s log odds ratio, LLaMA-Factory’s sft_loss and odds_ratio_loss.',
  },
  smoothing: 'Smoothing',
  smoothingRows: (rows) => (rows <= 1 ? 'none' : `${rows} rows`),
  raw: (trainer) => `${trainer} (logged)`,
  smoothed: (trainer) => `${trainer} (smoothed)`,
  summary: (part, trainer, values, logAxes) => {
    if (values.length === 0) return `${part}: nothing logged.`;
    const last = values.map((v) => `${v.metric} ${n(v.value)}`).join(', ');
    const log = logAxes.length > 0 ? ` Log scale: ${logAxes.join(', ')}.` : '';
    return `${part} of a ${trainer} run, last logged values: ${last}.${log}`;
  },
  findingsHeading: 'What this run shows',
  noFindings: 'Nothing stands out: none of the known patterns holds in this log.',
  steps: (from, to) => (from === to ? `(step ${from})` : `(steps ${from}–${to})`),
  findingTitle,
  findingText,
  findingLink: FINDING_LINK,
  divergeCause: CAUSE,
};
