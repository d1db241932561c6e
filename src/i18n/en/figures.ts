// English figure strings. A translation implements the same FigureStrings interface; numbers are written
// alike in every language (../figureFormat.ts), loss labels come from the loss-name table (./losses.ts).
import type { FigureStrings, StepSummary, UnfinishedStatus } from '../types/figures.ts';
import { c3, f2, f3, formatTuple, responseSymbol, signed, subscript, sweepName } from '../figureFormat.ts';
import { EN_LOSSES } from './losses.ts';

function joinClauses(clauses: string[]): string {
  return clauses.join('; ');
}

function optimumClause(optimum: number | null): string {
  if (optimum === null || Number.isNaN(optimum)) return '';
  if (!Number.isFinite(optimum))
    return `, and it has no finite optimum (h → ${optimum > 0 ? '+' : ''}${f2(optimum)})`;
  return `, optimum h* = ${f2(optimum)}`;
}

/** " at step 40 (h = 6.20)": where a loss's numbers come from under a time cursor; '' without one. */
function enAt(at: StepSummary | undefined): string {
  return at ? ` at step ${at.step} (h = ${f2(at.margin)})` : '';
}

/** Why a sweep point did not converge (converge.ts ConvergenceStatus). */
const EN_SWEEP_STATUS: Record<UnfinishedStatus, string> = {
  unbounded: 'no finite optimum: training runs on for ever, and the point drawn is the limit π tends to',
  kink: 'ends on the hinge’s kink, the minimum, where the gradient does not vanish',
  stalled: 'stalled: the steps stopped lowering the loss (the last iterate is drawn)',
  'max-iterations': 'not converged within the iteration limit (the last iterate is drawn)',
  diverged: 'diverged: the numbers overflowed, so these points are left out',
};

export const EN_FIGURES: FigureStrings = {
  listSeparator: ', ',
  lossLabel: (id) => EN_LOSSES[id]?.label ?? id,
  responseLabel: (k, data) => {
    const letter = String.fromCharCode(65 + k);
    if (data?.dataset === 'thumbs-down') return k === 0 ? 'A: undesirable (thumbs-down)' : letter;
    if (data?.dataset === 'order') return k === 0 ? 'A (top of the order)' : letter;
    if (data?.dataset === 'ranking') {
      const r = data.rewards?.[k];
      return r === undefined ? letter : `${letter} (r = ${c3(r)})`;
    }
    return k === 0 ? 'y_w (chosen)' : k === 1 ? 'y_l (rejected)' : `y${subscript(k + 1)}`;
  },
  responsesTogether: (from, to, data) =>
    data && data.dataset !== 'pair'
      ? `${String.fromCharCode(65 + from)}…${String.fromCharCode(65 + to)} together`
      : `y${subscript(from + 1)}…y${subscript(to + 1)} together`,
  movingReference: {
    of: (response) => `π_ref of ${response}, moving (TR-DPO)`,
    marker: 'π_ref at this step (TR-DPO: it moves)',
    path: 'π_ref’s path (TR-DPO)',
  },

  axis: {
    margin: 'margin h = ρw − ρl (nats)',
    loss: 'loss',
    push: 'push on log π(y) ÷ β',
    step: 'training step',
    probability: 'π(y)',
    finalProbability: 'π(y) where training ends',
    sweep: (axis, data) =>
      axis === 'beta' ? 'β (log scale)' : `reference probability ${sweepName(axis, data)}`,
    chosenLogRatio: 'ρw = log π(y_w) − log π_ref(y_w) (nats)',
    rejectedLogRatio: 'ρl = log π(y_l) − log π_ref(y_l) (nats)',
    metric: (name) => name,
    lossColourbar: (log) => (log ? 'loss (log scale)' : 'loss'),
  },

  trace: {
    current: 'current pair',
    currentOf: (label) => `${label}: current pair`,
    atStepOf: (label, step) => `${label}: step ${step}`,
    atDivergedStepOf: (label, step, at) =>
      `${label}: step ${step}, the last before training diverged (at step ${at})`,
    stepCursor: (step) => `step ${step}`,
    optimum: (label) => `${label}: optimum h*`,
    pushChosen: (label) => `${label}: y_w ↑`,
    pushRejected: (label) => `${label}: y_l ↓`,
    pushBoth: (label) => `${label}: y_w ↑ and y_l ↓`,
    sweepChosen: (label, data) => `${label}: π(${responseSymbol(0, data)})`,
    sweepRejected: (label, data) => `${label}: π(${responseSymbol(1, data)})`,
    currentValue: (axis, data) => `current ${sweepName(axis, data)}`,
    trajectory: (label) => `${label}: training path`,
    start: (label) => `${label}: start`,
    end: (label) => `${label}: end`,
    marginZero: 'h = 0 (ρw = ρl)',
    reference: 'reference π_ref',
    rlhfOptimum: 'RLHF optimum π*',
  },

  hover: {
    margin: 'h',
    loss: 'loss',
    push: 'push ÷ β',
    step: 'step',
    probability: 'π',
    sweepValue: sweepName,
    chosenLogRatio: 'ρw',
    rejectedLogRatio: 'ρl',
    closedForm: 'closed form',
    trained: 'trained to convergence',
  },

  sweep: {
    criterion: (grad, step) =>
      `Each point is where training ends: the closed form where one exists, else trained (whatever the ` +
      `learning rate) until the gradient is below ${c3(grad)} and no log-probability moves by more than ` +
      `${c3(step)}.`,
    status: (status) => EN_SWEEP_STATUS[status],
    unfinished: (sweeps, axis, data) => {
      const name = sweepName(axis, data);
      const runs = sweeps.filter((w) => w.unfinished.length > 0);
      if (runs.length === 0) return 'Every point converged.';
      const where = (from: number, to: number): string =>
        from === to ? `at ${name} = ${c3(from)}` : `for ${name} from ${c3(from)} to ${c3(to)}`;
      const clauses = runs.map(
        (w) =>
          `${w.label}: ` +
          w.unfinished
            .map(
              (u) =>
                `${u.count >= w.total ? `all ${w.total} points` : `${u.count} of ${w.total} ${where(u.from, u.to)}`}` +
                `, ${EN_SWEEP_STATUS[u.status]}`,
            )
            .join('; '),
      );
      return `Did not converge (drawn as open circles ○): ${clauses.join('. ')}.`;
    },
  },

  note: {
    noFiniteOptimum: (label, direction, p) =>
      `${label}: no finite optimum${p === null ? '' : ` (p = ${f2(p)})`}, h → ${direction > 0 ? '+∞' : '−∞'}`,
    optimumOffPlot: (label, optimum) => `${label}: optimum h* = ${f2(optimum)} is off the plot`,
    offScale: (label, value) => `${label}: current value ${c3(value)} is off the scale`,
    marginOffPlot: (dot, margin) => `${dot}: h = ${f2(margin)} is off the plot`,
    pushTurns: (label, margin) => `${label}: push changes sign at h = ${f2(margin)}`,
    noData: 'Nothing to show: choose at least one loss.',
    computing: 'Computing…',
    simplexNeedsThree: (k) => `The simplex needs at least 3 responses (now ${k}).`,
    noTrajectory: (label) => `No training run of ${label} to draw.`,
    noReference: (labels) =>
      // Two lines: one would be wider than a plot in a two-column layout (its left end clipped).
      `${labels}: no reference model;<br>h moves log π itself (→ lowers y_l, ← lowers y_w)`,
    noReferenceExplained: (labels) =>
      `${labels} have no reference model: along h their curves move the policy’s own log-probabilities (to the right log π(y_l) falls, to the left log π(y_w) falls), and their reward is β × the mean log-probability per token, not β·log(π/π_ref).`,
    metricsNoReference: (labels) =>
      `${labels} log logps/* as per-token mean log-probabilities and rewards/* as β × those (no reference model), not as sums and log-ratios.`,
    noReferencePlane: (label) =>
      `${label}: no reference model; ρ moves log π = log π_ref + ρ, blank where log π > 0`,
    diverged: (step) => `diverged at step ${step}`,
    metricNoData: (metric) =>
      metric === 'rewards/accuracies'
        ? 'no data:<br>KTO logs no<br>rewards/accuracies'
        : `no data: KTO logs nothing<br>for an empty class<br>(${metric})`,
  },

  summary: {
    loss: (parts, margin, beta) =>
      (parts.some((p) => p.at)
        ? `At the step shown (β = ${c3(beta)}): `
        : `At the current margin h = ${f2(margin)} (β = ${c3(beta)}): `) +
      joinClauses(
        parts.map(
          (p) =>
            `${p.label}'s loss${enAt(p.at)} is ${c3(p.loss)} and its ` +
            (p.id === 'sigmoid' && !p.modified
              ? `gradient weight σ(−βh) is ${c3(p.weight)}`
              : `push on y_w ÷ β is ${c3(p.weight)}`) +
            optimumClause(p.optimum),
        ),
      ) +
      '.',
    gradient: (parts, margin, beta) =>
      (parts.some((p) => p.at)
        ? `At the step shown, divided by β = ${c3(beta)}: `
        : `At the current margin h = ${f2(margin)}, divided by β = ${c3(beta)}: `) +
      joinClauses(
        parts.map(
          (p) =>
            `${p.label}${enAt(p.at)} pushes log π(y_w) up by ${c3(p.chosenPush)} and log π(y_l) down by ${c3(p.rejectedPush)}`,
        ),
      ) +
      '. Solid lines push y_w up, dashed lines push y_l down; negative values push the other way.',
    training: (parts, data) => {
      if (parts.length === 0) return 'No training runs to show.';
      const [a, b] = [responseSymbol(0, data), responseSymbol(1, data)];
      const moved = joinClauses(
        parts.map((p) =>
          p.divergedAt != null
            ? `${p.label} diverged at step ${p.divergedAt}, so its curves stop there`
            : `${p.label} moved π(${a}) from ${f2(p.chosenStart)} to ${f2(p.chosenEnd)} and π(${b}) from ` +
              `${f2(p.rejectedStart)} to ${f2(p.rejectedEnd)}`,
        ),
      );
      const displaced = parts.filter((p) => p.displaced).map((p) => p.label);
      const note =
        displaced.length === 0
          ? ''
          : ` In ${displaced.join(', ')}, π(${a}) fell although the margin grew (likelihood displacement).`;
      return `After ${parts[0].steps} steps, ${moved}.${note}`;
    },
    metrics: (parts) => {
      if (parts.length === 0) return 'No training runs to show.';
      return (
        `Final values after ${parts[0].steps} steps — ` +
        joinClauses(
          parts.map((p) =>
            p.divergedAt != null
              ? `${p.label}: none, training diverged at step ${p.divergedAt} (its curves stop there)`
              : `${p.label}: ${p.values.map((v) => `${v.metric} ${c3(v.value)}`).join(', ')}`,
          ),
        ) +
        '.'
      );
    },
    sweep: (parts, axis, current, criterion, data) => {
      if (parts.length === 0) return 'No sweeps to show.';
      const name = sweepName(axis, data);
      const [a, b] = [responseSymbol(0, data), responseSymbol(1, data)];
      const nearest = parts[0].x;
      const at =
        Math.abs(nearest - current) <= 1e-9 * Math.max(1, Math.abs(current))
          ? `At the current ${name} = ${c3(current)}`
          : `At the current ${name} = ${c3(current)} (nearest computed point ${c3(nearest)})`;
      const ends = joinClauses(
        parts.map((p) => {
          if (p.status === 'diverged') return `${p.label} diverged there (its numbers overflowed)`;
          const values = `π(${a}) = ${f3(p.chosen)} and π(${b}) = ${f3(p.rejected)}`;
          if (p.status === 'unbounded')
            return `${p.label} never ends but tends to ${values} (no finite optimum)`;
          const how =
            p.status !== 'converged' ? EN_SWEEP_STATUS[p.status] : p.closedForm ? 'closed form' : 'converged';
          return `${p.label} ends with ${values} (${how})`;
        }),
      );
      const across = joinClauses(
        parts.map((p) =>
          p.unfinished.some((u) => u.status === 'diverged' && u.count >= p.total)
            ? `${p.label} diverged at every point (its numbers overflowed)`
            : `${p.label}'s π(${a}) goes from ${f2(p.firstChosen)} at ${name} = ${c3(p.firstX)} to ` +
              `${f2(p.lastChosen)} at ${name} = ${c3(p.lastX)}`,
        ),
      );
      const crit = EN_FIGURES.sweep.criterion(criterion.gradientTolerance, criterion.stepTolerance);
      return `${at}, ${ends}. Across the sweep, ${across}. ${crit} ${EN_FIGURES.sweep.unfinished(parts, axis, data)}`;
    },
    plane: (s) => {
      const range =
        `The ${s.label} loss over the shown (ρw, ρl) plane ranges from ${c3(s.minLoss)} to ${c3(s.maxLoss)}` +
        (s.logCompressed ? ' (colours on a log scale).' : '.');
      const t = s.trajectory;
      const path = !t
        ? ''
        : t.divergedAt != null
          ? ` Training moved (ρw, ρl) from ${formatTuple(t.start)} to ${formatTuple(t.end)} in ${t.steps} ` +
            `${t.steps === 1 ? 'step' : 'steps'}, ` +
            `then diverged at step ${t.divergedAt}; the path stops there.`
          : ` Training moved (ρw, ρl) from ${formatTuple(t.start)} to ${formatTuple(t.end)} ` +
            `in ${t.steps} steps (final margin h = ${signed(t.end[0] - t.end[1])}).`;
      const current = s.current ? ` The current pair is at ${formatTuple(s.current)}.` : '';
      return range + path + current;
    },
    simplex: (s) => {
      const ref = `The reference policy π_ref over (${s.corners.join(', ')}) is ${formatTuple(s.reference)}`;
      const star = s.rlhfOptimum ? ` and the RLHF optimum π* is ${formatTuple(s.rlhfOptimum)}.` : '.';
      const runs =
        s.runs.length === 0
          ? ''
          : ` After ${s.runs[0].steps} steps, ` +
            joinClauses(
              s.runs.map((r) =>
                r.divergedAt != null
                  ? `${r.label} diverged at step ${r.divergedAt}, where its path stops`
                  : `${r.label} ends at ${formatTuple(r.end)}`,
              ),
            ) +
            '.';
      return ref + star + runs;
    },
    empty: 'The plot is empty: choose at least one loss.',
  },
};
