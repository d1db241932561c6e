// The TR-DPO controls (sync_ref_model): shown while a loss with a reference model is selected (hidden for
// SimPO and ORPO alone), α and the update rule only while the sync is on, and they write the store.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { EN } from '../../src/i18n/en/index.ts';
import { renderWithStore } from './renderWithStore.tsx';

afterEach(cleanup);

const c = EN.controls.refSync;
const stepsBox = () => screen.queryByRole('textbox', { name: c.stepsLabel });
const alphaBox = () => screen.queryByRole('textbox', { name: c.alphaLabel });
const rule = () => screen.queryByTestId('ref-sync-rule');

describe('the TR-DPO controls', () => {
  it('are hidden with SimPO and ORPO alone (no reference model)', () => {
    renderWithStore(<ControlsPanel />, { losses: ['simpo', 'orpo'] });
    expect(stepsBox()).toBeNull();
  });

  it('appear with a KTOConfig loss', () => {
    renderWithStore(<ControlsPanel />, { losses: ['kto'] });
    expect(stepsBox()).toBeTruthy();
  });

  it('appear with a DPOConfig loss beside SimPO; while off (S = 0) without α or the rule', () => {
    renderWithStore(<ControlsPanel />, { losses: ['simpo', 'sigmoid'] });
    expect(stepsBox()).toBeTruthy();
    expect(alphaBox()).toBeNull();
    expect(rule()).toBeNull();
  });

  it('write the store; α and the rule with S and α show while the sync is on', async () => {
    const { store, user } = renderWithStore(<ControlsPanel />, { losses: ['sigmoid'] });
    const box = stepsBox()!;
    await user.clear(box);
    await user.type(box, '25{Enter}');
    expect(store.getState().refSyncSteps).toBe(25);
    expect(alphaBox()).toBeTruthy();
    expect(rule()?.textContent).toBe(c.rule('25', '0.6'));
    const alpha = alphaBox()!;
    await user.clear(alpha);
    await user.type(alpha, '0{Enter}');
    expect(store.getState().refMixupAlpha).toBe(0);
    expect(rule()?.textContent).toBe(c.alphaZero);
  });
});
