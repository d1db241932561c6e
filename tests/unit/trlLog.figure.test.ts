// "Your TRL log": the derived series (which metrics, raw and smoothed) and the figure built from them, as
// data: TRL's names on the panels, the toy's colour for the trainer, raw rows faint under the moving mean,
// log axes where a loss spans decades, train and eval apart; read from the real logs where they lie.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LayoutAxis, ScatterData } from 'plotly.js';
import { readTrainerLog, movingMean, type LogSeries } from '../../src/logs/index.ts';
import {
  FINDING_LINKS,
  LOG_METRIC_GROUPS,
  TRAINER_STYLE,
  logMetricGroup,
  logMetricGroups,
  logMetricNames,
  logPartSeries,
  readLogResult,
} from '../../src/derive/trlLog.ts';
import { RAW_OPACITY, constantRange, logScaleHelps, trlLogFigure } from '../../src/figures/trlLogFigure.ts';
import { LIGHT_THEME, trainingMetricsFigure } from '../../src/figures/index.ts';
import { lossStyleOf } from '../../src/figures/lossStyle.ts';
import { EN_FIGURES } from '../../src/i18n/en/figures.ts';
import { EN_TRL_LOG } from '../../src/i18n/en/trlLog.ts';
import { ZH_TRL_LOG } from '../../src/i18n/zh/trlLog.ts';
import { PICKER_METRICS } from '../../src/math/index.ts';
import { LESSONS } from '../../src/state/lessons/index.ts';
import { PRESET_IDS } from '../../src/state/presetIds.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import { syntheticRun } from '../helpers/figureData.ts';

const SHARED = resolve('../shared/fixtures/trl-logs');
const OWN = resolve('tests/fixtures/trl-logs');
const read = (dir: string, name: string) => readTrainerLog(readFileSync(resolve(dir, name), 'utf8'));
const theme = LIGHT_THEME;
const opts = { theme, strings: EN_FIGURES, text: EN_TRL_LOG };

const scatter = (fig: { data: unknown[] }) => fig.data as Partial<ScatterData>[];
const axis = (layout: object, key: string) => (layout as Record<string, Partial<LayoutAxis>>)[key];

/** A log part built by hand: `rows` rows at steps 10, 20, …, with the given series. */
function part(series: Record<string, number[]>): LogSeries {
  const n = Object.values(series)[0].length;
  return { step: Array.from({ length: n }, (_, i) => 10 * (i + 1)), series };
}

describe('logPartSeries', () => {
  it('plots the metrics with a finite value, the toy’s first in its order, not the bookkeeping', () => {
    const log = read(SHARED, 'dpo_trl07.json');
    const names = logMetricNames(log.train);
    expect(names).not.toContain('epoch');
    expect(names).toContain('learning_rate');
    const toy = names.filter((n) => (PICKER_METRICS as readonly string[]).includes(n));
    expect(toy).toEqual(PICKER_METRICS.filter((n) => names.includes(n)));
    expect(names.slice(0, toy.length)).toEqual(toy);
    // Eval rows' speeds are not metrics either.
    expect(logMetricNames(log.eval)).not.toContain('runtime');
    expect(logMetricNames(log.eval)).toContain('loss');
  });

  it('keeps every logged row raw and smooths with the findings’ moving mean; NaN rows are left out', () => {
    const y = [1, 2, NaN, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const [s] = logPartSeries(part({ loss: y }), 5);
    expect(s.name).toBe('loss');
    expect(s.raw).toEqual(y.filter((v) => !Number.isNaN(v)));
    expect(s.step).toEqual([10, 20, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
    expect(s.smooth).toEqual(movingMean(s.raw, 5));
    expect(logPartSeries(part({ loss: y }), 1)[0].smooth).toBeNull();
    // Fewer rows than the window: nothing to smooth.
    expect(logPartSeries(part({ loss: [1, 2, 3] }), 5)[0].smooth).toBeNull();
    // A metric with no finite value gets no panel; ±∞ (a diverged row) is kept.
    const p = logPartSeries(part({ loss: [1, Infinity, 3], kl: [NaN, NaN, NaN] }), 1);
    expect(p.map((m) => m.name)).toEqual(['loss']);
    expect(p[0].raw).toEqual([1, Infinity, 3]);
    // The moving mean leaves a gap at a ±∞ row instead of carrying the finite rows' level through it.
    const diverging = [4, 4, 4, 4, 4, 4, Infinity, Infinity, Infinity, 4];
    const [g] = logPartSeries(part({ grad_norm: diverging }), 5);
    expect(g.smooth!.slice(0, 6)).toEqual(movingMean(diverging, 5).slice(0, 6));
    expect(g.smooth!.slice(6, 9).every((v) => Number.isNaN(v))).toBe(true);
    expect(g.smooth![9]).toBe(4);
  });

  it('reads text into plain data, a refused log into its kind and what was found', () => {
    const grpo = readLogResult(readFileSync(resolve(SHARED, 'grpo_negative.json'), 'utf8'));
    expect(grpo).toEqual({ ok: false, kind: 'not-preference', found: 'grpo' });
    expect(readLogResult('{"log_history": [')).toEqual({ ok: false, kind: 'not-json' });
    const ok = readLogResult(readFileSync(resolve(SHARED, 'dpo_trl07.json'), 'utf8'));
    expect(ok.ok && ok.log.trainer).toBe('dpo');
    expect(ok.ok && ok.findings.map((f) => f.id)).toContain('start-at-ln2');
    // Plain data: survives structured cloning (what a worker's postMessage does).
    expect(structuredClone(ok)).toEqual(ok);
  });

  it('links every finding to a lesson step or a toy state that exists', () => {
    for (const link of Object.values(FINDING_LINKS)) {
      if (link === null) continue;
      if ('lesson' in link) expect(LESSONS[link.lesson].steps.length).toBeGreaterThanOrEqual(link.step);
      else {
        const { state, notices } = parseHash(`#${link.toy}`);
        expect(notices).toEqual([]);
        expect(PRESET_IDS).toContain(state.preset);
      }
    }
  });
});

describe('trlLogFigure', () => {
  const log = read(OWN, 'dpo_displacement.json');
  const metrics = logPartSeries(log.train, 11);
  const fig = trlLogFigure({ style: TRAINER_STYLE.dpo, trainer: 'DPO', part: 'Training', metrics }, opts);

  it('has one panel per metric, titled with TRL’s name, over the logged steps', () => {
    const titled = metrics.map((_, i) => axis(fig.layout, i === 0 ? 'yaxis' : `yaxis${i + 1}`).title);
    expect(titled.map((t) => (t as { text: string }).text)).toEqual(
      metrics.map((m) => EN_FIGURES.axis.metric(m.name)),
    );
    expect(axis(fig.layout, 'xaxis').range).toEqual([log.train.step[0], log.train.step.at(-1)]);
    // Two traces per metric: every row and the moving mean.
    expect(scatter(fig)).toHaveLength(2 * metrics.length);
  });

  it('draws the raw rows faint and the moving mean solid, in the toy’s colour for the loss', () => {
    const dpoColour = lossStyleOf('sigmoid', theme).color;
    // The same colour the toy's "What TRL would log" gives DPO.
    const toy = trainingMetricsFigure([syntheticRun('sigmoid', 10, [1, -1, 0])], {
      theme,
      strings: EN_FIGURES,
      metrics: ['loss'],
    });
    expect(scatter(toy)[0].line?.color).toBe(dpoColour);
    const [raw, smooth] = scatter(fig);
    expect(raw.line?.color).toBe(dpoColour);
    expect(smooth.line?.color).toBe(dpoColour);
    expect(raw.opacity).toBe(RAW_OPACITY);
    expect(smooth.opacity).toBeUndefined();
    expect(raw.y).toEqual(metrics[0].raw);
    expect(smooth.y).toEqual(metrics[0].smooth);
    expect(raw.x).toEqual(metrics[0].step);
    expect([raw.name, smooth.name]).toEqual([EN_TRL_LOG.raw('DPO'), EN_TRL_LOG.smoothed('DPO')]);
    // One legend entry each, not one per panel.
    expect(scatter(fig).filter((t) => t.showlegend).length).toBe(2);
  });

  it('draws the rows solid when not smoothed, and thins long series for drawing but not for export', () => {
    const plain = trlLogFigure(
      { style: 'kto', trainer: 'KTO', part: 'Training', metrics: logPartSeries(log.train, 1) },
      opts,
    );
    expect(scatter(plain).every((t) => t.opacity === 1)).toBe(true);
    expect(scatter(plain)[0].line?.color).toBe(lossStyleOf('kto', theme).color);
    const long = part({ loss: Array.from({ length: 3000 }, (_, i) => 1 / (1 + i)) });
    const series = logPartSeries(long, 1);
    const drawn = trlLogFigure({ style: 'sigmoid', trainer: 'DPO', part: 'Training', metrics: series }, opts);
    const all = trlLogFigure(
      { style: 'sigmoid', trainer: 'DPO', part: 'Training', metrics: series },
      {
        ...opts,
        maxDrawnPoints: Infinity,
      },
    );
    expect((scatter(drawn)[0].x as number[]).length).toBeLessThan(1000);
    expect((scatter(all)[0].x as number[]).length).toBe(3000);
  });

  it('draws a log of 20,000 rows and 12 metrics (no argument list of every step)', () => {
    const n = 20_000;
    const series = Object.fromEntries(
      Array.from({ length: 12 }, (_, k) => [`m${k}`, Array.from({ length: n }, (_, i) => Math.sin(i + k))]),
    );
    const m = logPartSeries(part(series), 11);
    const f = trlLogFigure({ style: 'sigmoid', trainer: 'DPO', part: 'Training', metrics: m }, opts);
    expect(axis(f.layout, 'xaxis').range).toEqual([10, 10 * n]);
    expect(scatter(f)).toHaveLength(24);
  });

  it('puts a loss spanning decades on a log axis, in decades, and nothing else', () => {
    const p = part({
      loss: Array.from({ length: 30 }, (_, i) => 0.7 * Math.exp(-i / 3)),
      'rewards/margins': Array.from({ length: 30 }, (_, i) => i),
      grad_norm: Array.from({ length: 30 }, (_, i) => 1 + (i % 3)),
    });
    const m = logPartSeries(p, 1);
    const f = trlLogFigure({ style: 'sigmoid', trainer: 'DPO', part: 'Training', metrics: m }, opts);
    const byName = Object.fromEntries(
      m.map((s, i) => [s.name, axis(f.layout, i === 0 ? 'yaxis' : `yaxis${i + 1}`)]),
    );
    expect(byName.loss.type).toBe('log');
    const lo = Math.min(...m.find((s) => s.name === 'loss')!.raw);
    expect(byName.loss.range![0]).toBeCloseTo(Math.log10(lo) - 0.1, 12);
    expect(byName['rewards/margins'].type).toBe('linear');
    // grad_norm within a factor of 3: linear.
    expect(byName.grad_norm.type).toBe('linear');
    expect(f.summary).toContain('Log scale: loss.');
    expect(logScaleHelps('loss', [0.7, 0.5])).toBe(false);
    expect(logScaleHelps('loss', [0.7, 0, 0.01])).toBe(false);
    expect(logScaleHelps('rewards/margins', [0.01, 10])).toBe(false);
  });

  it('shows eval apart, with markers on its few rows, and says when nothing was logged', () => {
    const ev = logPartSeries(log.eval, 11);
    const f = trlLogFigure({ style: 'sigmoid', trainer: 'DPO', part: 'Evaluation', metrics: ev }, opts);
    expect(scatter(f).every((t) => t.mode === 'lines+markers')).toBe(true);
    expect(scatter(f).every((t) => (t.x as number[]).every((x) => log.eval.step.includes(x)))).toBe(true);
    // The toy's order (rewards/margins first, loss last), with the last logged value of each.
    expect(f.summary).toMatch(
      /^Evaluation of a DPO run, last logged values: rewards\/margins \S+, .* loss \S+\.$/,
    );
    const none = trlLogFigure({ style: 'sigmoid', trainer: 'DPO', part: 'Evaluation', metrics: [] }, opts);
    expect(none.data).toEqual([]);
    expect(none.summary).toBe('Evaluation: nothing logged.');
  });
});

describe('logMetricGroups: several small plots instead of one with every panel', () => {
  /** Every preference log on disk: the real ones and ours (the refused GRPO/SFT logs have no plots). */
  const logs = [
    ...['dpo_trl07.json', 'orpo_llamafactory.json'].map((f) => [f, read(SHARED, f)] as const),
    ...readdirSync(OWN)
      .filter((f) => !f.startsWith('grpo'))
      .map((f) => [f, read(OWN, f)] as const),
  ];

  it('puts every plotted metric in exactly one group, none lost, in the groups’ order', () => {
    expect(logs.length).toBeGreaterThan(8);
    for (const [file, log] of logs)
      for (const p of [log.train, log.eval]) {
        const metrics = logPartSeries(p, 11);
        const groups = logMetricGroups(metrics);
        const drawn = groups.flatMap((g) => g.metrics.map((m) => m.name));
        // The same metrics, each once (a metric's order within its group is the page's metric order).
        expect(drawn.slice().sort(), file).toEqual(metrics.map((m) => m.name).sort());
        expect(new Set(drawn).size, file).toBe(drawn.length);
        for (const g of groups) {
          expect(g.metrics.length, file).toBeGreaterThan(0);
          expect(g.metrics.every((m) => logMetricGroup(m.name) === g.group)).toBe(true);
          const order = metrics.filter((m) => g.metrics.includes(m));
          expect(g.metrics).toEqual(order);
        }
        const ids = groups.map((g) => g.group);
        expect(ids).toEqual(LOG_METRIC_GROUPS.filter((id) => ids.includes(id)));
      }
  });

  it('groups by meaning: the optimiser, rewards, log-probs and logits, and each trainer’s own keys', () => {
    const expected: Record<string, string> = {
      loss: 'optimisation',
      grad_norm: 'optimisation',
      learning_rate: 'optimisation',
      'rewards/chosen': 'rewards',
      'rewards/accuracies': 'rewards',
      'rewards/margins': 'rewards',
      'logps/chosen': 'logps',
      'logits/rejected': 'logps',
      kl: 'trainer',
      nll_loss: 'trainer',
      log_odds_ratio: 'trainer',
      log_odds_chosen: 'trainer',
      sft_loss: 'trainer',
      odds_ratio_loss: 'trainer',
      // A key never seen before is still drawn.
      some_new_metric: 'trainer',
    };
    for (const [name, group] of Object.entries(expected)) expect(logMetricGroup(name), name).toBe(group);
    // Each trainer's own keys, read from its log, land in the last group.
    const own = (file: string) =>
      logMetricGroups(logPartSeries(logs.find(([f]) => f === file)![1].train, 1))
        .find((g) => g.group === 'trainer')
        ?.metrics.map((m) => m.name);
    expect(own('kto_kl_zero.json')).toEqual(['kl']);
    expect(own('orpo_llamafactory.json')?.sort()).toEqual(['odds_ratio_loss', 'sft_loss']);
    expect(own('orpo_trl.json')?.sort()).toEqual(['log_odds_chosen', 'log_odds_ratio', 'nll_loss']);
    expect(own('simpo_cpo.json')).toEqual(['nll_loss']);
    expect(own('dpo_displacement.json')).toBeUndefined();
  });

  it('names every group’s plot in English and Chinese, each title its own', () => {
    for (const t of [EN_TRL_LOG, ZH_TRL_LOG]) {
      const titles = LOG_METRIC_GROUPS.flatMap((g) => [
        t.plotTitle(t.trainTitle, g),
        t.plotTitle(t.evalTitle, g),
      ]);
      expect(new Set(titles).size).toBe(titles.length);
      for (const g of LOG_METRIC_GROUPS) expect(t.groupCaption[g].length).toBeGreaterThan(20);
    }
    expect(ZH_TRL_LOG.plotTitle(ZH_TRL_LOG.trainTitle, 'rewards')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('draws a metric logged at one value around that value (a constant learning rate is not 0)', () => {
    const lr = 5e-7;
    const m = logPartSeries(part({ learning_rate: Array.from({ length: 30 }, () => lr) }), 1);
    const f = trlLogFigure({ style: 'sigmoid', trainer: 'DPO', part: 'Training', metrics: m }, opts);
    const [lo, hi] = axis(f.layout, 'yaxis').range as [number, number];
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(lr);
    expect(hi).toBeGreaterThan(lr);
    expect(hi).toBeLessThan(2 * lr);
    expect(constantRange(-2, -2)).toEqual([-2.2, -1.8]);
    // Varying, or at 0: the shared ranges.
    expect(constantRange(0, 1)).toBeNull();
    expect(constantRange(0, 0)).toBeNull();
  });
});
