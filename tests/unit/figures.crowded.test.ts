// Many losses at once stay readable (issue 13, instructor's kit): past LEGEND_ROW_MAX losses the legend of
// the loss, gradient and sweep plots moves beside the plot (one column) instead of rows above it that eat
// the plot's height; the sweeps list one entry per loss then; at most TURN_LABELS_MAX sign-change labels are
// written on the gradient plot (every sign change keeps its line, named on hover).
import { describe, expect, it } from 'vitest';
import {
  LEGEND_ROW_MAX,
  LIGHT_THEME as theme,
  TURN_LABELS_MAX,
  gradientFigure,
  lossFigure,
  sweepFigure,
} from '../../src/figures/index.ts';
import { EN_FIGURES as EN } from '../../src/i18n/en/figures.ts';
import { PAIR_LOSS_TYPES, type LossId, type PairLossType } from '../../src/math/index.ts';
import { computeSweeps } from '../../src/derive/sweeps.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import { curveInput, traces } from '../helpers/figureData.ts';

const beta = 0.1;
const opts = { beta, theme, strings: EN };
const curvesOf = (ids: readonly PairLossType[]) => ids.map((id) => curveInput(id, { beta }));
const FEW: PairLossType[] = ['sigmoid', 'ipo', 'hinge'];
const MANY: PairLossType[] = PAIR_LOSS_TYPES.slice(0, LEGEND_ROW_MAX + 2);

describe('a legend for many losses', () => {
  it('stays above the plot, in rows, for a few losses', () => {
    for (const fig of [lossFigure(curvesOf(FEW), opts), gradientFigure(curvesOf(FEW), opts)]) {
      expect(fig.layout.legend?.orientation).toBe('h');
      expect(fig.layout.legend?.yanchor).toBe('bottom');
    }
  });

  it('moves beside the plot, in one column, past LEGEND_ROW_MAX losses', () => {
    expect(MANY.length).toBeGreaterThan(LEGEND_ROW_MAX);
    for (const fig of [lossFigure(curvesOf(MANY), opts), gradientFigure(curvesOf(MANY), opts)]) {
      expect(fig.layout.legend?.orientation).toBe('v');
      expect(fig.layout.legend?.x).toBeGreaterThan(1);
      expect(fig.layout.legend?.xanchor).toBe('left');
    }
  });

  it('the sweeps: two entries a loss for a few, one a loss (the pair toggled together) beside the plot for many', () => {
    const entries = (losses: readonly LossId[]) => {
      const state = parseHash(`#preset=noisy&loss=${losses.join(',')}`).state;
      const fig = sweepFigure(computeSweeps(state).beta, {
        theme,
        strings: EN,
        axis: 'beta',
        current: state.beta,
      });
      const listed = traces(fig).filter((t) => t.showlegend !== false);
      return { fig, listed, groups: new Set(listed.map((t) => t.legendgroup)) };
    };
    const few = entries(['sigmoid', 'ipo']);
    expect(few.listed).toHaveLength(4);
    expect(few.fig.layout.legend?.orientation).toBe('h');
    const many = entries(MANY);
    expect(many.listed).toHaveLength(MANY.length);
    expect(many.groups.size).toBe(MANY.length);
    expect(many.fig.layout.legend?.orientation).toBe('v');
    // Every loss's dashed π(y_l) line is still drawn, in its entry's group.
    const dashed = traces(many.fig).filter((t) => t.line?.dash === 'dash' && t.showlegend === false);
    expect(new Set(dashed.map((t) => t.legendgroup))).toEqual(many.groups);
  });
});

describe('sign-change labels on the gradient plot', () => {
  it('writes at most TURN_LABELS_MAX of them, and keeps every sign change as a named line', () => {
    // Losses whose push on y_w changes sign within the plotted margins (quadratic and hinge-like ones).
    const ids: PairLossType[] = ['ipo', 'hinge', 'sppo_hard', 'discopop', 'nca_pair', 'apo_down'];
    const fig = gradientFigure(curvesOf(ids), opts);
    const turnLines = traces(fig).filter(
      (t) => typeof t.name === 'string' && t.name.includes('changes sign'),
    );
    const turnLabels = (fig.layout.annotations ?? []).filter((a) => (a.text ?? '').includes('changes sign'));
    expect(turnLines.length).toBeGreaterThan(TURN_LABELS_MAX);
    expect(turnLabels).toHaveLength(TURN_LABELS_MAX);
    for (const a of turnLabels) expect(turnLines.map((t) => t.name)).toContain(a.text);
  });
});
