// The time cursor control: play / pause (the whole run in PLAY_MS, from the start when at the end; coarse
// jumps with reduced motion), step buttons, the slider's keys and space, its accessible names; and the
// readout and the TRL tables saying "step t of N" with each loss column from its own run at t.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { TimeCursor } from '../../src/components/controls/TimeCursor.tsx';
import { PairReadout } from '../../src/components/readout/PairReadout.tsx';
import { TrainingView } from '../../src/components/views/TrainingView.tsx';
import { PLAY_MS, REDUCED_JUMP_MS, playFrom, playStepAt } from '../../src/components/controls/playback.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import { lossAtStep } from '../../src/derive/atStep.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { formatNumber } from '../../src/math/numberFormat.ts';
import { renderWithStore } from './renderWithStore.tsx';
import { notePlaying } from '../../src/components/adjusting.ts';

const slider = () => screen.getByRole('slider', { name: 'Step shown' });
const playButton = () => screen.getByRole('button', { name: /Play|Pause/ });

/** A matchMedia that answers `reduced` for prefers-reduced-motion and false for everything else. */
function mockReducedMotion(reduced: boolean) {
  vi.stubGlobal(
    'matchMedia',
    (query: string) =>
      ({
        matches: reduced && query.includes('prefers-reduced-motion'),
        media: query,
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList,
  );
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('playback timing', () => {
  it('plays the whole run in PLAY_MS whatever the steps, restarting from 0 at the end', () => {
    expect(playFrom(200, 200)).toBe(0);
    expect(playFrom(50, 200)).toBe(50);
    for (const steps of [10, 200, 2000]) {
      expect(playStepAt(0, steps, PLAY_MS / 2, false)).toBe(steps / 2);
      expect(playStepAt(0, steps, PLAY_MS, false)).toBe(steps);
      expect(playStepAt(0, steps, 10 * PLAY_MS, false)).toBe(steps);
    }
  });

  it('with reduced motion, moves in a few coarse jumps, not every frame', () => {
    const seen = new Set<number>();
    for (let ms = 0; ms <= 10 * REDUCED_JUMP_MS; ms += 33) seen.add(playStepAt(0, 200, ms, true));
    expect([...seen]).toEqual([0, 50, 100, 150, 200]);
  });
});

describe('TimeCursor', () => {
  beforeEach(() => mockReducedMotion(false));

  it('is a named group with a slider over 0 … steps, step buttons and the step in words', () => {
    renderWithStore(<TimeCursor />, { t: 40 });
    expect(screen.getByRole('group', { name: 'Step shown' })).toBeTruthy();
    expect(slider().getAttribute('min')).toBe('0');
    expect(slider().getAttribute('max')).toBe('200');
    expect(slider().getAttribute('aria-valuetext')).toBe('step 40 of 200');
    expect(screen.getByText('step 40 of 200')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'One step back' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'One step forward' })).toBeTruthy();
  });

  it('step buttons move one step and stop at the ends', async () => {
    const { store, user } = renderWithStore(<TimeCursor />, { steps: 2 });
    const back = screen.getByRole('button', { name: 'One step back' });
    const forward = screen.getByRole('button', { name: 'One step forward' });
    expect(back).toHaveProperty('disabled', true);
    await user.click(forward);
    expect(store.getState().t).toBe(1);
    await user.click(forward);
    expect(store.getState().t).toBe(2);
    expect(forward).toHaveProperty('disabled', true);
    await user.click(back);
    expect(store.getState().t).toBe(1);
  });

  it('keys on the slider: arrows one step, Page a tenth, Home and End; space plays', async () => {
    const { store, user } = renderWithStore(<TimeCursor />, { t: 100 });
    act(() => slider().focus());
    await user.keyboard('{ArrowRight}');
    expect(store.getState().t).toBe(101);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(store.getState().t).toBe(99);
    await user.keyboard('{PageUp}');
    expect(store.getState().t).toBe(119);
    await user.keyboard('{End}');
    expect(store.getState().t).toBe(200);
    await user.keyboard('{Home}');
    expect(store.getState().t).toBe(0);
    await user.keyboard(' ');
    expect(playButton().getAttribute('aria-pressed')).toBe('true');
    await user.keyboard(' ');
    expect(playButton().getAttribute('aria-pressed')).toBe('false');
  });

  it('play rolls the cursor to the end in PLAY_MS, from the start when at the end, and pause stops it', () => {
    vi.useFakeTimers();
    const { store } = renderWithStore(<TimeCursor />, { t: 200 });
    fireEvent.click(playButton());
    expect(store.getState().t).toBe(0);
    expect(playButton().textContent).toMatch('Pause');
    act(() => vi.advanceTimersByTime(PLAY_MS / 2));
    const mid = store.getState().t;
    expect(mid).toBeGreaterThan(90);
    expect(mid).toBeLessThanOrEqual(100);
    fireEvent.click(playButton());
    expect(playButton().getAttribute('aria-pressed')).toBe('false');
    act(() => vi.advanceTimersByTime(PLAY_MS));
    expect(store.getState().t).toBe(mid);
    // Playing on from there reaches the end and stops.
    fireEvent.click(playButton());
    act(() => vi.advanceTimersByTime(PLAY_MS));
    expect(store.getState().t).toBe(200);
    expect(playButton().textContent).toMatch('Play');
  });

  it('with reduced motion, play jumps in coarse steps and the help says so', () => {
    mockReducedMotion(true);
    vi.useFakeTimers();
    const { store } = renderWithStore(<TimeCursor />);
    expect(screen.getByText(/reduced motion/)).toBeTruthy();
    fireEvent.click(playButton());
    const seen = new Set<number>([store.getState().t]);
    for (let i = 0; i < 200; i++) {
      act(() => vi.advanceTimersByTime(33));
      seen.add(store.getState().t);
    }
    expect([...seen]).toEqual([0, 50, 100, 150, 200]);
  });

  it('speaks Chinese', () => {
    renderWithStore(<TimeCursor />, { lang: 'zh', t: 3 });
    expect(screen.getByRole('group', { name: '显示的训练步' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: '显示的训练步' }).getAttribute('aria-valuetext')).toBe(
      '第 3 步，共 200 步',
    );
  });
});

describe('the readout at the cursor', () => {
  it('says “step t of N” and shows each loss from its own run at t', () => {
    const s = applyPatch(DEFAULT_STATE, { t: 80 });
    const { runs } = computeTrainingRuns(s);
    renderWithStore(<PairReadout />, { t: 80 });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch('step 80 of 200');
    const table = screen.getByRole('table');
    const lossRow = within(table)
      .getAllByRole('row')
      .find((r) => r.querySelector('th[scope="row"] code')?.textContent === 'loss')!;
    const cells = lossRow.querySelectorAll('td');
    s.losses.forEach((id, i) => {
      const expected = lossAtStep(id, s, runs, 80).values.loss;
      expect(within(cells[i] as HTMLElement).getByRole('button').textContent, id).toBe(
        formatNumber(expected),
      );
    });
  });

  it('past a diverged step, shows the last trusted step and says so', () => {
    renderWithStore(<PairReadout />, {
      losses: ['sigmoid', 'ipo'],
      optimizer: 'sgd',
      learningRate: 10,
      t: 150,
    });
    expect(screen.getByText(/Training diverged at step 2: these are the numbers of step 1/)).toBeTruthy();
  });
});

describe('What TRL would log, at the cursor', () => {
  it('heads its plot with “step t of N” and captions each table with step t', () => {
    renderWithStore(<TrainingView />, { t: 50 });
    expect(screen.getByRole('heading', { name: /What TRL would log · step 50 of 200/ })).toBeTruthy();
    for (const label of ['DPO', 'IPO', 'KTO'])
      expect(screen.getByText(`${label}: what TRL would log at step 50`)).toBeTruthy();
  });

  it('at t = 0 (a fresh page) shows step 0', () => {
    renderWithStore(<TrainingView />);
    expect(screen.getByText('DPO: what TRL would log at step 0')).toBeTruthy();
  });
});

describe('play stops when the run is replaced', () => {
  beforeEach(() => mockReducedMotion(false));

  it('a scenario loaded while playing keeps its own step', () => {
    vi.useFakeTimers();
    const { store } = renderWithStore(<TimeCursor />, { steps: 300 });
    fireEvent.click(playButton());
    act(() => vi.advanceTimersByTime(1000));
    act(() => store.getState().loadPreset('start'));
    act(() => vi.advanceTimersByTime(2000));
    expect(store.getState().t).toBe(0);
    expect(playButton().getAttribute('aria-pressed')).toBe('false');
  });
});

describe('another playback (a lesson question revealing its answer)', () => {
  it('shows as playing on the time cursor, whose Pause stops it', () => {
    renderWithStore(<TimeCursor />, { t: 0 });
    expect(playButton().textContent).toContain('Play');
    const stop = vi.fn(() => notePlaying(false, stop));
    act(() => notePlaying(true, stop));
    expect(playButton().textContent).toContain('Pause');
    expect(playButton().getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(playButton());
    expect(stop).toHaveBeenCalledTimes(1);
    expect(playButton().textContent).toContain('Play');
  });
});
