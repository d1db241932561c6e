// The controls for TRL's trainer-wide knobs (issue 12): the SFT term's weight and the f-divergence appear
// while a loss they change is selected, write the store (and so the link), and the loss names follow.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { useStrings } from '../../src/components/strings.tsx';
import { EN } from '../../src/i18n/en/index.ts';
import { renderWithStore } from './renderWithStore.tsx';

afterEach(cleanup);

const c = EN.controls;
const sftBox = () => screen.queryByRole('textbox', { name: c.sftWeight.label });
const divergence = () => screen.queryByRole('group', { name: c.fDivergence.label });

function Label({ id }: { id: 'sigmoid' | 'kto' }) {
  return <output>{useStrings().losses[id].label}</output>;
}

describe('the SFT term and the f-divergence controls', () => {
  it('appear only with a loss they change (not for KTO alone, not for sft alone)', () => {
    renderWithStore(<ControlsPanel />, { losses: ['kto'] });
    expect(sftBox()).toBeNull();
    expect(divergence()).toBeNull();
    cleanup();
    renderWithStore(<ControlsPanel />, { losses: ['sft'] });
    expect(sftBox()).toBeNull();
    expect(divergence()).toBeNull();
    cleanup();
    renderWithStore(<ControlsPanel />, { losses: ['sigmoid', 'kto'] });
    expect(sftBox()).toBeTruthy();
    expect(divergence()).toBeTruthy();
  });

  it('write the store; α shows only for the α-divergence', async () => {
    const { store, user } = renderWithStore(<ControlsPanel />, { losses: ['sigmoid'] });
    const alpha = () => screen.queryByRole('textbox', { name: c.fDivergence.alphaLabel });
    expect(alpha()).toBeNull();
    await user.click(screen.getByRole('radio', { name: c.fDivergence.names.alpha_divergence }));
    expect(store.getState().fDivergence).toBe('alpha_divergence');
    expect(alpha()).toBeTruthy();
    const box = sftBox()!;
    await user.clear(box);
    await user.type(box, '0.5{Enter}');
    expect(store.getState().sftWeight).toBe(0.5);
  });

  it('the loss names carry the term, except while two SFT weights are compared', () => {
    const { store } = renderWithStore(
      <>
        <Label id="sigmoid" />
        <Label id="kto" />
      </>,
      { losses: ['sigmoid', 'kto'] },
    );
    const [dpo, kto] = screen.getAllByRole('status');
    expect(dpo!.textContent).toBe(EN.losses.sigmoid.label);
    act(() => store.getState().update({ sftWeight: 0.5 }));
    expect(dpo!.textContent).toBe(c.sftWeight.termName(EN.losses.sigmoid.label, '0.5'));
    expect(kto!.textContent).toBe(EN.losses.kto.label);
    act(() => store.getState().update({ compare: 'sft:0' }));
    expect(dpo!.textContent).toBe(EN.losses.sigmoid.label);
  });
});
