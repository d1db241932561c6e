// Where the time goes for the "hostile link" (K = 6, 2,000 steps, every loss): the toy training, the
// views' derived data and each figure builder, timed alone in Node. Run: npx tsx bench/hostile.bench.ts
import { parseHash } from '../src/state/urlCodec.ts';
import { LOSS_IDS } from '../src/math/index.ts';
import { computeTrainingRuns, TOY_FIELDS, type ToyFields } from '../src/derive/toy.ts';
import { pickFields } from '../src/state/pickFields.ts';
import { planeOf } from '../src/derive/plane.ts';
import { simplexOf } from '../src/derive/simplex.ts';
import { shownMetrics } from '../src/derive/shownMetrics.ts';
import {
  LIGHT_THEME,
  trainingFigure,
  trainingMetricsFigure,
  planeFigure,
  simplexFigure,
} from '../src/figures/index.ts';
import { EN_FIGURES } from '../src/i18n/en/figures.ts';
import { median } from './stats.ts';

const HASH = `v=2&loss=${LOSS_IDS.join(',')}&k=6&ref=0.3,0.25,0.15,0.1,0.1,0.1&start=0,0,0,0,0,0&steps=2000`;
const state = parseHash(HASH).state;
const fields = pickFields(state, TOY_FIELDS) as ToyFields;

let sink = 0;
function time<T>(name: string, fn: () => T, n = 5): T {
  let out = fn();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    out = fn();
    ts.push(performance.now() - t0);
  }
  sink += ts.length;
  console.log(
    `${name.padEnd(36)} median ${median(ts).toFixed(1)} ms  (first-of-5 max ${Math.max(...ts).toFixed(1)})`,
  );
  return out;
}

console.log(`losses ${fields.losses.length}, K ${fields.responses}, steps ${fields.steps}`);
const { runs } = time('computeTrainingRuns', () => computeTrainingRuns(fields));
const opts = { theme: LIGHT_THEME, strings: EN_FIGURES, responses: fields.responses, maxColumns: 3, step: 0 };
time('trainingFigure', () =>
  trainingFigure(runs, { ...opts, data: { dataset: fields.dataset, rewards: fields.rewards } }),
);
const metrics = shownMetrics([], runs);
time('trainingMetricsFigure', () => trainingMetricsFigure(runs, { ...opts, metrics }));
const plane = time('planeOf', () => planeOf(fields.losses[0], fields, runs));
time('planeFigure', () =>
  planeFigure(plane.grid, runs, {
    theme: LIGHT_THEME,
    strings: EN_FIGURES,
    current: plane.pairLogRatios,
    step: 0,
  }),
);
const simplex = time('simplexOf', () => simplexOf(fields, runs));
time('simplexFigure', () =>
  simplexFigure(simplex.runs, {
    theme: LIGHT_THEME,
    strings: EN_FIGURES,
    reference: simplex.reference,
    rlhfOptimum: simplex.rlhfOptimum,
    data: { dataset: fields.dataset, rewards: fields.rewards },
    step: 0,
  }),
);
console.log(`(sink ${sink})`);

// Size of each figure: traces, points, axes, annotations, shapes.
function size(name: string, f: { data: unknown[]; layout: object }) {
  const data = f.data as { x?: ArrayLike<unknown>; a?: ArrayLike<unknown>; z?: ArrayLike<unknown> }[];
  const points = data.reduce((s, t) => s + (t.x?.length ?? t.a?.length ?? t.z?.length ?? 0), 0);
  const layout = f.layout as Record<string, unknown>;
  const axes = Object.keys(layout).filter((k) => /^[xy]axis\d*$/.test(k)).length;
  const ann = (layout.annotations as unknown[] | undefined)?.length ?? 0;
  const shapes = (layout.shapes as unknown[] | undefined)?.length ?? 0;
  console.log(
    `${name.padEnd(24)} traces ${data.length}, points ${points}, axes ${axes}, annotations ${ann}, shapes ${shapes}`,
  );
}
size(
  'training',
  trainingFigure(runs, { ...opts, data: { dataset: fields.dataset, rewards: fields.rewards } }),
);
size('metrics', trainingMetricsFigure(runs, { ...opts, metrics }));

// The loss and gradient views' figures for the same state (every loss's curve against the margin).
const { pairCurvesOf } = await import('../src/derive/pairCurvesMemo.ts');
const { lossFigure, gradientFigure } = await import('../src/figures/index.ts');
const curves = pairCurvesOf(state);
const pairOpts = {
  theme: LIGHT_THEME,
  strings: EN_FIGURES,
  preferenceProb: state.preferenceProb,
  beta: state.beta,
};
size(
  'loss',
  time('lossFigure', () => lossFigure(curves, pairOpts)),
);
size(
  'gradient',
  time('gradientFigure', () => gradientFigure(curves, pairOpts)),
);
