import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { RefProbControls } from '../../src/components/controls/RefProbControls.tsx';
import { ToyPolicyControls } from '../../src/components/controls/ToyPolicyControls.tsx';
import { setOneProb } from '../../src/components/controls/refProbEdit.ts';
import { renderWithStore } from './renderWithStore.tsx';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('reference probabilities', () => {
  it('typing one renormalises the others, keeping their proportions', async () => {
    const { store, user } = renderWithStore(<RefProbControls />);
    const first = screen.getByRole('textbox', { name: 'πref(response 1), y_w' });
    await user.tripleClick(first);
    await user.paste('0.5');
    const p = store.getState().refProbs;
    expect(p[0]).toBe(0.5);
    expect(sum(p)).toBeCloseTo(1, 12);
    // 0.45 : 0.25 before, the same ratio after (to the 4 decimals they are rounded to).
    expect(p[1] / p[2]).toBeCloseTo(0.45 / 0.25, 2);
    expect(screen.getByRole('textbox', { name: 'πref(response 2), y_l' })).toHaveProperty(
      'value',
      String(p[1]),
    );
  });

  it('moving one slider with the keyboard renormalises the others', async () => {
    const { store, user } = renderWithStore(<RefProbControls />);
    act(() => screen.getByRole('slider', { name: 'πref(response 2), y_l' }).focus());
    await user.keyboard('{ArrowRight}');
    const p = store.getState().refProbs;
    expect(p[1]).toBe(0.46);
    expect(sum(p)).toBeCloseTo(1, 12);
    expect(p[0] / p[2]).toBeCloseTo(0.3 / 0.25, 2);
  });

  it('changing K shows one control per response, still summing to 1', async () => {
    const { store, user } = renderWithStore(<ToyPolicyControls />);
    await user.tripleClick(screen.getByRole('textbox', { name: 'Responses K' }));
    await user.paste('5');
    expect(store.getState().refProbs).toHaveLength(5);
    expect(screen.getAllByRole('slider', { name: /^πref\(response/ })).toHaveLength(5);
    expect(sum(store.getState().refProbs)).toBeCloseTo(1, 12);
  });

  it('never pushes another response below the minimum, even from a lopsided start', () => {
    const next = setOneProb([0.3, 0.699, 0.001], 0, 0.9, 0.001);
    expect(next[0]).toBe(0.9);
    expect(Math.min(...next)).toBeGreaterThanOrEqual(0.001);
    expect(sum(next)).toBeCloseTo(1, 12);
  });

  it('clamps a value that would leave the others less than the minimum', () => {
    const next = setOneProb([0.2, 0.3, 0.5], 2, 1, 0.001);
    expect(next).toEqual([0.001, 0.001, 0.998]);
  });
});
