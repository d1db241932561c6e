// Issue 10, item 1: π_ref and the starting π_θ per response can be set by dragging bars. Each bar is a
// slider (name, value, range, spoken value; arrows, Page Up/Down, Home/End) and a pointer drag target, and
// setting a bar changes the store exactly as the number fields do (one rule: setOneProb, setStartLogProb).
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { PairControls } from '../../src/components/controls/PairControls.tsx';
import { BAR_GEOMETRY, BAR_STEPS, ProbBars } from '../../src/components/controls/ProbBars.tsx';
import { setOneProb } from '../../src/components/controls/refProbEdit.ts';
import { setStartLogProb, START_PROB_MIN } from '../../src/components/controls/startEdit.ts';
import { refProbMin } from '../../src/components/controls/paramRange.ts';
import { startLogProbsOf } from '../../src/derive/mathParams.ts';
import { EN_FIGURES } from '../../src/i18n/en/figures.ts';
import type { AppState } from '../../src/state/appState.ts';
import { createAppStore } from '../../src/state/store.ts';
import { renderWithStore } from './renderWithStore.tsx';

const MIN = refProbMin();
const round4 = (v: number) => Number(v.toFixed(4)) + 0;
const refName = (k: number) => `Bar: πref of ${EN_FIGURES.responseLabel(k)}`;
const startName = (k: number) => `Bar: start πθ of ${EN_FIGURES.responseLabel(k)}`;
const VIEW_H = BAR_GEOMETRY.top + BAR_GEOMETRY.height + BAR_GEOMETRY.label;

/** Puts the chart at (0, 0) on screen at twice its viewBox size, so that a drag can aim at a probability. */
function placeChart(scale = 2): (p: number) => number {
  const svg = screen.getByRole('group', { name: 'πref and the starting πθ of each response' });
  svg.getBoundingClientRect = () =>
    ({ top: 0, left: 0, width: 300, height: VIEW_H * scale, bottom: VIEW_H * scale, right: 300 }) as DOMRect;
  // The clientY of probability p.
  return (p) => (BAR_GEOMETRY.top + BAR_GEOMETRY.height * (1 - p)) * scale;
}

const START: Partial<AppState> = { startLogRatios: [0.3, -0.4, 0.1] };

/** The state after a number field's commit: the same store update (and its rounding) from `from`. */
function committed(from: AppState, patch: Partial<AppState>): AppState {
  const store = createAppStore();
  store.getState().update(from);
  store.getState().update(patch);
  return store.getState();
}

describe('the bars of π_ref and the starting π_θ', () => {
  it('are sliders with a name, a value, a range and a spoken value', () => {
    renderWithStore(<ProbBars />, START);
    const ref = screen.getByRole('slider', { name: refName(1) });
    expect(ref.getAttribute('aria-valuenow')).toBe('0.45');
    expect(Number(ref.getAttribute('aria-valuemin'))).toBe(MIN);
    expect(Number(ref.getAttribute('aria-valuemax'))).toBeCloseTo(1 - 2 * MIN, 12);
    expect(ref.getAttribute('aria-valuetext')).toMatch(/^probability 0\.45/);
    const start = screen.getByRole('slider', { name: startName(0) });
    expect(Number(start.getAttribute('aria-valuemin'))).toBe(START_PROB_MIN);
    expect(screen.getAllByRole('slider')).toHaveLength(6);
    // Plain decimals: an exponent (1e-9) is no valid ARIA number.
    for (const slider of screen.getAllByRole('slider'))
      for (const attr of ['aria-valuenow', 'aria-valuemin', 'aria-valuemax'])
        expect(slider.getAttribute(attr)).toMatch(/^\d+(\.\d+)?$/);
  });

  it('a pointer drag on a π_ref bar sets it as the number field would, the others rescaled', () => {
    const { store } = renderWithStore(<ProbBars />, START);
    const at = placeChart();
    const bar = screen.getByRole('slider', { name: refName(0) });
    const before = store.getState().refProbs;
    fireEvent.pointerDown(bar, { pointerId: 1, button: 0, clientY: at(0.62) });
    const afterDown = store.getState().refProbs;
    expect(afterDown).toEqual(setOneProb(before, 0, 0.62, MIN));
    fireEvent.pointerMove(bar, { pointerId: 1, clientY: at(0.2) });
    expect(store.getState().refProbs).toEqual(setOneProb(afterDown, 0, 0.2, MIN));
    fireEvent.pointerUp(bar, { pointerId: 1, clientY: at(0.2) });
    // Once released, moving over it changes nothing.
    const released = store.getState().refProbs;
    fireEvent.pointerMove(bar, { pointerId: 1, clientY: at(0.9) });
    expect(store.getState().refProbs).toBe(released);
    // The start offsets are kept: the policy moved with the reference, as with the number fields.
    expect(store.getState().startLogRatios).toEqual(START.startLogRatios);
  });

  it('a drag past the top or bottom stops at the range', () => {
    const { store } = renderWithStore(<ProbBars />, START);
    const at = placeChart();
    const bar = screen.getByRole('slider', { name: refName(2) });
    fireEvent.pointerDown(bar, { pointerId: 3, button: 0, clientY: at(1.5) });
    expect(store.getState().refProbs[2]).toBe(1 - 2 * MIN);
    fireEvent.pointerMove(bar, { pointerId: 3, clientY: at(-0.5) });
    expect(store.getState().refProbs[2]).toBe(MIN);
  });

  it('a pointer drag on a start bar sets the start as the number field would', () => {
    const { store } = renderWithStore(<ProbBars />, START);
    const at = placeChart();
    const bar = screen.getByRole('slider', { name: startName(1) });
    const st = store.getState();
    fireEvent.pointerDown(bar, { pointerId: 2, button: 0, clientY: at(0.7) });
    expect(store.getState().startLogRatios).toEqual(
      committed(st, {
        startLogRatios: setStartLogProb(st.refProbs, startLogProbsOf(st), 1, round4(Math.log(0.7))),
      }).startLogRatios,
    );
    expect(Math.exp(startLogProbsOf(store.getState())[1])).toBeCloseTo(0.7, 3);
    expect(store.getState().refProbs).toEqual(st.refProbs);
  });

  it('the keyboard: arrows, Page Up/Down, Home and End', async () => {
    const { store, user } = renderWithStore(<ProbBars />, START);
    const bar = screen.getByRole('slider', { name: refName(1) });
    act(() => bar.focus());
    let before = store.getState().refProbs;
    await user.keyboard('{ArrowUp}');
    expect(store.getState().refProbs).toEqual(setOneProb(before, 1, round4(before[1] + BAR_STEPS.key), MIN));
    before = store.getState().refProbs;
    await user.keyboard('{PageDown}');
    expect(store.getState().refProbs).toEqual(setOneProb(before, 1, round4(before[1] - BAR_STEPS.page), MIN));
    await user.keyboard('{Home}');
    expect(store.getState().refProbs[1]).toBe(MIN);
    await user.keyboard('{End}');
    expect(store.getState().refProbs[1]).toBe(1 - 2 * MIN);
  });

  it('the keyboard on a start bar', async () => {
    const { store, user } = renderWithStore(<ProbBars />, START);
    const start = screen.getByRole('slider', { name: startName(0) });
    act(() => start.focus());
    const st = store.getState();
    const p0 = Math.exp(startLogProbsOf(st)[0]);
    await user.keyboard('{ArrowDown}');
    const want = setStartLogProb(st.refProbs, startLogProbsOf(st), 0, round4(Math.log(p0 - BAR_STEPS.key)));
    expect(store.getState().startLogRatios).toEqual(committed(st, { startLogRatios: want }).startLogRatios);
    await user.keyboard('{Home}');
    expect(Math.exp(startLogProbsOf(store.getState())[0])).toBeCloseTo(START_PROB_MIN, 12);
  });

  it('dragging a bar and typing the same value in its number field leave the same state', async () => {
    const a = renderWithStore(<PairControls />, START);
    const at = placeChart();
    fireEvent.pointerDown(screen.getByRole('slider', { name: startName(2) }), {
      pointerId: 1,
      button: 0,
      clientY: at(0.15),
    });
    const dragged = a.store.getState();
    a.unmount();

    const b = renderWithStore(<PairControls />, START);
    const box = screen.getByRole('textbox', { name: 'start log πθ(response 3)' });
    await b.user.tripleClick(box);
    await b.user.paste(String(round4(Math.log(0.15))));
    await b.user.keyboard('{Enter}');
    expect(b.store.getState().startLogRatios).toEqual(dragged.startLogRatios);
    expect(b.store.getState().refProbs).toEqual(dragged.refProbs);
  });

  it('names and colours each response for what it is in the data', () => {
    const { container } = renderWithStore(<ProbBars />, { dataset: 'thumbs-down', losses: ['kto'] });
    const a = EN_FIGURES.responseLabel(0, { dataset: 'thumbs-down' });
    expect(screen.getByRole('slider', { name: `Bar: πref of ${a}` }).getAttribute('class')).toContain(
      'role-rejected',
    );
    expect(screen.getByRole('slider', { name: 'Bar: start πθ of B' }).getAttribute('class')).toContain(
      'role-other',
    );
    expect(container.querySelectorAll('.role-chosen.prob-bar')).toHaveLength(0);
  });
});
