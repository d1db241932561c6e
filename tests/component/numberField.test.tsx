import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { BetaSlider } from '../../src/components/controls/BetaSlider.tsx';
import { PairControls } from '../../src/components/controls/PairControls.tsx';
import { ToyPolicyControls } from '../../src/components/controls/ToyPolicyControls.tsx';
import { renderWithStore } from './renderWithStore.tsx';
import { pairOf } from '../helpers/pairState.ts';

const chosenBox = () => screen.getByRole('textbox', { name: 'start log πθ(response 1), y_w' });
/** The toy's starting log π(y_w), as the box shows it (4 decimals). */
const startW = (st: Parameters<typeof pairOf>[0]) => Number(pairOf(st).policyChosen.toFixed(4)) + 0;
const betaBox = () => screen.getByRole('textbox', { name: 'β (KL strength)' });
const alertText = () => screen.getByRole('alert').textContent;
const noAlert = () => expect(screen.queryByRole('alert')).toBeNull();

describe('NumberField refuses bad input and keeps the last good value', () => {
  it('a positive log-probability is explained at once; the store keeps its value', async () => {
    const { store, user } = renderWithStore(<PairControls />);
    await user.tripleClick(chosenBox());
    await user.paste('0.5');
    expect(alertText()).toBe(
      'A log-probability is ≤ 0: 0.5 would be a probability above 1. Still using -1.204.',
    );
    expect(startW(store.getState())).toBe(-1.204);
    expect(chosenBox().getAttribute('aria-invalid')).toBe('true');
    expect(chosenBox().getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
  });

  it('typed key by key, a valid prefix ("0") is the last good value and the message says so', async () => {
    const { store, user } = renderWithStore(<PairControls />);
    await user.clear(chosenBox());
    await user.type(chosenBox(), '0.5');
    expect(startW(store.getState())).toBe(0);
    expect(alertText()).toBe('A log-probability is ≤ 0: 0.5 would be a probability above 1. Still using 0.');
  });

  it('"abc" is not a number: alert at once, store unchanged; a later valid value clears it', async () => {
    const { store, user } = renderWithStore(<PairControls />);
    await user.clear(chosenBox());
    await user.type(chosenBox(), 'abc');
    expect(alertText()).toBe('“abc” is not a number. Still using -1.204.');
    expect(startW(store.getState())).toBe(-1.204);

    await user.tripleClick(chosenBox());
    await user.paste('-3');
    noAlert();
    expect(startW(store.getState())).toBe(-3);
    expect(chosenBox().getAttribute('aria-invalid')).toBeNull();
  });

  it('"NaN" is not a number either', async () => {
    const { store, user } = renderWithStore(<BetaSlider />);
    await user.tripleClick(betaBox());
    await user.paste('NaN');
    expect(alertText()).toBe('“NaN” is not a number. Still using 0.1.');
    expect(store.getState().beta).toBe(0.1);
  });

  it('an empty box is refused when leaving it (not while still typing)', async () => {
    const { store, user } = renderWithStore(<BetaSlider />);
    await user.clear(betaBox());
    noAlert();
    await user.tab();
    expect(alertText()).toBe('Type a number here. Still using 0.1.');
    expect(store.getState().beta).toBe(0.1);
    expect(betaBox()).toHaveProperty('value', '');
  });

  it('out of range, too high and too low, is refused on Enter with the allowed limit', async () => {
    const { store, user } = renderWithStore(<BetaSlider />);
    await user.tripleClick(betaBox());
    await user.paste('50');
    noAlert();
    await user.keyboard('{Enter}');
    expect(alertText()).toBe('50 is above the largest allowed value, 10. Still using 0.1.');
    // Once shown, the message follows the typing.
    await user.tripleClick(betaBox());
    await user.paste('0.0001');
    expect(alertText()).toBe('0.0001 is below the smallest allowed value, 0.001. Still using 0.1.');
    expect(store.getState().beta).toBe(0.1);
    await user.tripleClick(betaBox());
    await user.paste('2');
    noAlert();
    expect(store.getState().beta).toBe(2);
  });

  it('a starting log-prob box takes −20…0', async () => {
    const { store, user } = renderWithStore(<PairControls />);
    await user.tripleClick(chosenBox());
    await user.paste('-15');
    noAlert();
    expect(startW(store.getState())).toBe(-15);
    await user.tripleClick(chosenBox());
    await user.paste('-21');
    await user.keyboard('{Enter}');
    expect(alertText()).toBe('-21 is below the smallest allowed value, -20. Still using -15.');
  });

  it('whole-number fields refuse fractions', async () => {
    const { store, user } = renderWithStore(<ToyPolicyControls />);
    const k = screen.getByRole('textbox', { name: 'Responses K' });
    await user.tripleClick(k);
    await user.paste('2.5');
    await user.keyboard('{Enter}');
    expect(alertText()).toBe('2.5 is not a whole number. Still using 3.');
    expect(store.getState().responses).toBe(3);
  });

  it('Escape puts the stored value back in the box', async () => {
    const { user } = renderWithStore(<BetaSlider />);
    await user.tripleClick(betaBox());
    await user.paste('xyz');
    expect(screen.queryByRole('alert')).not.toBeNull();
    await user.keyboard('{Escape}');
    noAlert();
    expect(betaBox()).toHaveProperty('value', '0.1');
  });

  it('a change from elsewhere (a preset, a link) replaces a bad draft', async () => {
    const { store, user } = renderWithStore(<BetaSlider />);
    await user.tripleClick(betaBox());
    await user.paste('abc');
    act(() => store.getState().update({ beta: 0.2 }));
    noAlert();
    expect(betaBox()).toHaveProperty('value', '0.2');
  });

  it('accepts a typographic minus and full-width digits', async () => {
    const { store, user } = renderWithStore(<PairControls />);
    await user.tripleClick(chosenBox());
    await user.paste('−７.５');
    noAlert();
    expect(startW(store.getState())).toBe(-7.5);
  });

  describe('a refused entry does not survive a new state of the whole page', () => {
    // β is at its default (0.1) before and after: the stored value does not change, the page does.
    it('Reset puts the stored value back in the box', async () => {
      const { store, user } = renderWithStore(<BetaSlider />);
      await user.tripleClick(betaBox());
      await user.paste('abc');
      expect(alertText()).toBe('“abc” is not a number. Still using 0.1.');
      act(() => store.getState().reset());
      noAlert();
      expect(betaBox()).toHaveProperty('value', '0.1');
    });

    it('a new link (same β) puts the stored value back in the box', async () => {
      const { store, user } = renderWithStore(<BetaSlider />);
      await user.tripleClick(betaBox());
      await user.paste('abc');
      await user.keyboard('{Enter}');
      act(() => store.getState().loadHash('#v=2&steps=50'));
      noAlert();
      expect(betaBox()).toHaveProperty('value', '0.1');
    });

    it('a preset puts the stored value back in a box it leaves unchanged', async () => {
      const { store, user } = renderWithStore(<PairControls />);
      await user.tripleClick(chosenBox());
      await user.paste('abc');
      act(() => store.getState().loadPreset('start'));
      noAlert();
      expect(chosenBox()).toHaveProperty('value', String(startW(store.getState())));
    });

    it('an ordinary change elsewhere keeps what is being typed', async () => {
      const { store, user } = renderWithStore(<BetaSlider />);
      await user.tripleClick(betaBox());
      await user.paste('abc');
      act(() => store.getState().update({ steps: 50 }));
      expect(alertText()).toBe('“abc” is not a number. Still using 0.1.');
      expect(betaBox()).toHaveProperty('value', 'abc');
    });
  });
});
