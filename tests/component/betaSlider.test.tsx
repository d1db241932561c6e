import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { BetaSlider } from '../../src/components/controls/BetaSlider.tsx';
import { renderWithStore } from './renderWithStore.tsx';

const slider = () => screen.getByRole('slider', { name: 'β (KL strength)' });
const box = () => screen.getByRole('textbox', { name: 'β (KL strength)' });

describe('BetaSlider', () => {
  it('shows β in a slider and a box, both labelled, with aria-valuetext "β = 0.1"', () => {
    renderWithStore(<BetaSlider />);
    expect(box()).toHaveProperty('value', '0.1');
    expect(slider().getAttribute('aria-valuetext')).toBe('β = 0.1');
    // The slider runs over log10(β): 0.001…10 is −3…1.
    expect(slider().getAttribute('min')).toBe('-3');
    expect(slider().getAttribute('max')).toBe('1');
  });

  it('typing a valid β updates the store', async () => {
    const { store, user } = renderWithStore(<BetaSlider />);
    await user.clear(box());
    await user.type(box(), '0.5');
    expect(store.getState().beta).toBe(0.5);
    expect(slider().getAttribute('aria-valuetext')).toBe('β = 0.5');
  });

  it('stores a typed β rounded to 3 significant digits and shows that value after Enter', async () => {
    const { store, user } = renderWithStore(<BetaSlider />);
    await user.clear(box());
    await user.type(box(), '0.12345{Enter}');
    expect(store.getState().beta).toBe(0.123);
    expect(box()).toHaveProperty('value', '0.123');
  });

  it('arrow keys move β by a constant ratio (log scale), not a constant amount', async () => {
    const { store, user } = renderWithStore(<BetaSlider />, { beta: 0.01 });
    act(() => slider().focus());
    await user.keyboard('{ArrowRight}');
    expect(store.getState().beta).toBe(0.0105);
    act(() => store.getState().update({ beta: 1 }));
    await user.keyboard('{ArrowRight}');
    expect(store.getState().beta).toBe(1.05);
    expect(slider().getAttribute('aria-valuetext')).toBe('β = 1.05');
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().beta).toBe(1);
  });

  it('fifty arrow presses cover one decade; Home and End reach 0.001 and 10', async () => {
    const { store, user } = renderWithStore(<BetaSlider />);
    act(() => slider().focus());
    await user.keyboard('{ArrowUp>50/}');
    expect(store.getState().beta).toBeGreaterThan(0.95);
    expect(store.getState().beta).toBeLessThan(1.05);
    await user.keyboard('{End}');
    expect(store.getState().beta).toBe(10);
    await user.keyboard('{Home}');
    expect(store.getState().beta).toBe(0.001);
    await user.keyboard('{PageUp}');
    expect(store.getState().beta).toBe(0.00178);
  });

  it('a link with more digits is stored as the box shows it: #beta=0.123456 is 0.123 everywhere', () => {
    const { store } = renderWithStore(<BetaSlider />);
    act(() => store.getState().loadHash('#v=2&beta=0.123456'));
    expect(box()).toHaveProperty('value', '0.123');
    expect(store.getState().beta).toBe(0.123);
    expect(slider().getAttribute('aria-valuetext')).toBe('β = 0.123');
  });

  it('dragging commits every position, rounded to 3 significant digits', () => {
    const { store } = renderWithStore(<BetaSlider />);
    // A drag is a stream of input events carrying log10(β).
    fireEvent.change(slider(), { target: { value: '-0.5' } });
    expect(store.getState().beta).toBe(0.316);
    fireEvent.change(slider(), { target: { value: '0.25' } });
    expect(store.getState().beta).toBe(1.78);
  });
});
