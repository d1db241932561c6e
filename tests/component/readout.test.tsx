import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { PairReadout } from '../../src/components/readout/PairReadout.tsx';
import { formatNumber } from '../../src/math/numberFormat.ts';
import { ktoLoss, pairLoss } from '../../src/math/index.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import { EXO_MIN_SMOOTHING } from '../../src/math/index.ts';
import { renderWithStore } from './renderWithStore.tsx';
import { pairInputOf } from '../../src/derive/mathParams.ts';

/** The toy started at log-ratio offsets +1, −1 (h = 2): its y_w, y_l at step 0 are the pair the readout shows. */
const START: Partial<AppState> = { startLogRatios: [1, -1, 0] };
const PAIR = pairInputOf({ ...DEFAULT_STATE, ...START });

/** The cell in the row whose header starts with `row` and the column whose header matches `column`. */
function cell(row: string, column: RegExp): HTMLElement {
  const table = screen.getByRole('table');
  const headers = within(table).getAllByRole('columnheader');
  const col = headers.findIndex((h) => column.test(h.textContent ?? ''));
  const tr = within(table)
    .getAllByRole('row')
    .find((r) => r.querySelector('th[scope="row"] code')?.textContent === row);
  if (col < 0 || !tr) throw new Error(`no cell ${row} × ${column}`);
  return tr.querySelectorAll<HTMLElement>('th, td')[col];
}

const tooltipOf = (button: HTMLElement) => {
  const id = button.getAttribute('aria-describedby');
  const el = id ? document.getElementById(id) : null;
  if (!el) throw new Error('number without a described-by popover');
  return el;
};

describe('PairReadout', () => {
  it('shows the default pair’s DPO loss exactly as pairLoss computes it (formatted)', () => {
    renderWithStore(<PairReadout />, START);
    const expected = pairLoss('sigmoid', PAIR, { beta: 0.1 });
    const dpo = (row: string) => within(cell(row, /^DPO/)).getByRole('button').textContent;
    expect(dpo('loss')).toBe(formatNumber(expected.loss));
    expect(dpo('loss')).toBe('0.5981');
    expect(dpo('∂loss/∂log π(y_w)')).toBe(formatNumber(expected.dPolicyChosen));
    expect(dpo('∂loss/∂log π(y_l)')).toBe(formatNumber(expected.dPolicyRejected));
    expect(dpo('rewards/chosen')).toBe(formatNumber(expected.rewardChosen));
    expect(dpo('rewards/rejected')).toBe(formatNumber(expected.rewardRejected));
    expect(dpo('rewards/margins')).toBe(formatNumber(expected.rewardMargin));
    expect(dpo('rewards/accuracies')).toBe('1');
  });

  it('shows IPO (TRL per-token) and KTO (y_w desirable + y_l undesirable, z0 = 0) from the math module', () => {
    renderWithStore(<PairReadout />, START);
    const ipo = pairLoss('ipo', PAIR, { beta: 0.1, ipoNormalization: 'token' });
    expect(within(cell('loss', /^IPO/)).getByRole('button').textContent).toBe(formatNumber(ipo.loss));
    const params = { beta: 0.1, z0: 0, desirableWeight: 1, undesirableWeight: 1 };
    const up = ktoLoss('kto', { policy: PAIR.policyChosen, ref: PAIR.refChosen, desirable: true }, params);
    const down = ktoLoss(
      'kto',
      { policy: PAIR.policyRejected, ref: PAIR.refRejected, desirable: false },
      params,
    );
    const kto = cell('loss', /^KTO/);
    expect(within(kto).getByRole('button').textContent).toBe(formatNumber(up.loss + down.loss));
    expect(kto.textContent).toContain('for one pair this uses z0 = 0');
    expect(cell('rewards/accuracies', /^KTO/).textContent).toBe('KTO logs no accuracy.');
    expect(within(cell('rewards/accuracies', /^KTO/)).queryByRole('button')).toBeNull();
  });

  it('says where TRL and the papers differ, next to the numbers', () => {
    renderWithStore(<PairReadout />, { ...START, losses: ['ipo', 'cdpo'] });
    expect(cell('loss', /^IPO/).textContent).toContain('TRL averages log-ratios per token');
    expect(cell('loss', /^Conservative DPO/).textContent).toContain('TRL’s sigmoid ignores label_smoothing');
    expect(screen.getByText(/Strict >, as in TRL: 0, not 0\.5/)).toBeTruthy();
    expect(screen.getByText(/sums over tokens, as TRL computes them, not per-token means/)).toBeTruthy();
  });

  it('focusing a number opens its formula with today’s numbers; Escape closes it', async () => {
    const { user } = renderWithStore(<PairReadout />, START);
    const value = within(cell('loss', /^DPO/)).getByRole('button');
    const tip = tooltipOf(value);
    expect(tip.hidden).toBe(true);

    act(() => value.focus());
    expect(tip.hidden).toBe(false);
    expect(tip.getAttribute('role')).toBe('tooltip');
    const text = tip.textContent ?? '';
    expect(text).toContain('ℓ = −log σ(β·h)');
    // The toy's log-probs: log π_ref(y_w) = log 0.3; the start offsets +1, −1 less the normaliser log Z.
    expect(text).toContain('ρw = (−0.4118) − (−1.204) = 0.7921');
    expect(text).toContain('h = 0.7921 − (−1.208) = 2');
    expect(text).toContain('ℓ = −log σ(0.1·2) = 0.5981');

    await user.keyboard('{Escape}');
    expect(tip.hidden).toBe(true);
  });

  it('renders the formula with KaTeX once it has loaded, keeping the plain text for screen readers', async () => {
    renderWithStore(<PairReadout />, START);
    const value = within(cell('∂loss/∂log π(y_w)', /^DPO/)).getByRole('button');
    act(() => value.focus());
    const tip = tooltipOf(value);
    await waitFor(() => expect(tip.querySelector('.katex')).not.toBeNull());
    expect(tip.textContent).toContain('∂ℓ/∂log πθ(y_w) = −0.1·σ(−0.1·2) = −0.04502');
  });

  it('blur closes the popover; hover opens it too', async () => {
    const { user } = renderWithStore(<PairReadout />, START);
    const value = within(cell('rewards/margins', /^DPO/)).getByRole('button');
    act(() => value.focus());
    expect(tooltipOf(value).hidden).toBe(false);
    act(() => value.blur());
    expect(tooltipOf(value).hidden).toBe(true);
    await user.hover(value);
    expect(tooltipOf(value).hidden).toBe(false);
  });

  it('follows the store: a new β changes the numbers', () => {
    const { store } = renderWithStore(<PairReadout />, START);
    act(() => store.getState().update({ beta: 0.5 }));
    const expected = pairLoss('sigmoid', PAIR, { beta: 0.5 }).loss;
    expect(within(cell('loss', /^DPO/)).getByRole('button').textContent).toBe(formatNumber(expected));
  });

  it('computes EXO with its smallest ε, as the plots and the TRL code do, when ε = 0 is asked for', () => {
    const { store } = renderWithStore(<PairReadout />, { ...START, losses: ['exo_pair'], labelSmoothing: 0 });
    expect(store.getState().labelSmoothing).toBe(EXO_MIN_SMOOTHING);
    const expected = pairLoss('exo_pair', PAIR, { beta: 0.1, labelSmoothing: EXO_MIN_SMOOTHING }).loss;
    expect(within(cell('loss', /^EXO/)).getByRole('button').textContent).toBe(formatNumber(expected));
  });
});

describe('PairReadout with a compared run', () => {
  it('adds a column per loss of the second run, labelled "vs β = 1", with its numbers', () => {
    renderWithStore(<PairReadout />, { ...START, losses: ['sigmoid', 'ipo'], compare: 'beta:1' });
    const vs = (row: string) => within(cell(row, /^DPO sigmoid · vs β = 1$/)).getByRole('button').textContent;
    const main = (row: string) => within(cell(row, /^DPO sigmoid$/)).getByRole('button').textContent;
    expect(vs('loss')).toBe(formatNumber(pairLoss('sigmoid', PAIR, { beta: 1 }).loss));
    expect(main('loss')).toBe(formatNumber(pairLoss('sigmoid', PAIR, { beta: 0.1 }).loss));
    expect(vs('rewards/margins')).toBe(formatNumber(pairLoss('sigmoid', PAIR, { beta: 1 }).rewardMargin));
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(1)).toEqual([
      'DPO sigmoid',
      'IPO ipo',
      'DPO sigmoid · vs β = 1',
      'IPO ipo · vs β = 1',
    ]);
  });

  it('vs=loss adds the other loss’s column; a setting that leaves the pair alone adds none', () => {
    const { unmount } = renderWithStore(<PairReadout />, {
      ...START,
      losses: ['sigmoid'],
      compare: 'loss:ipo',
    });
    expect(within(cell('loss', /^IPO ipo · vs IPO$/)).getByRole('button').textContent).toBe(
      formatNumber(pairLoss('ipo', PAIR, { beta: 0.1 }).loss),
    );
    unmount();
    renderWithStore(<PairReadout />, { ...START, compare: 'lr:0.1' });
    expect(screen.getAllByRole('columnheader').some((h) => /vs/.test(h.textContent ?? ''))).toBe(false);
  });
});
