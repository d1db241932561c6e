// The loss-list controls (issue 12): further TRL loss terms beside every pair loss are added from a select,
// weighted in a box and removed by a button; they write the store (and so `plus=`), the settings a listed
// loss reads appear, and the loss names follow.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { useStrings } from '../../src/components/strings.tsx';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { renderWithStore } from './renderWithStore.tsx';

afterEach(cleanup);

const c = EN.controls.extraTerms;
const group = () => screen.queryByRole('group', { name: c.label });

function Label() {
  return <output>{useStrings().losses.sigmoid.label}</output>;
}

describe('the loss-list controls', () => {
  it('appear only with a loss that takes the list (not KTO, SimPO or sft alone)', () => {
    for (const losses of [['kto'], ['simpo'], ['sft']] as const) {
      renderWithStore(<ControlsPanel />, { losses: [...losses] });
      expect(group(), losses.join()).toBeNull();
      cleanup();
    }
    renderWithStore(<ControlsPanel />, { losses: ['sigmoid', 'kto'] });
    expect(group()).toBeTruthy();
  });

  it('add a term at weight 1, weight it, offer each loss once, and remove it', async () => {
    const { store, user } = renderWithStore(<ControlsPanel />, { losses: ['sigmoid'] });
    const g = within(group()!);
    const select = g.getByRole('combobox', { name: c.typeLabel });
    await user.selectOptions(select, 'bco_pair');
    await user.click(g.getByRole('button', { name: c.add }));
    expect(store.getState().extraTerms).toEqual([{ type: 'bco_pair', weight: 1 }]);
    // A listed loss is no longer offered.
    const offered = within(select).getAllByRole('option') as HTMLOptionElement[];
    expect(offered.map((o) => o.value)).not.toContain('bco_pair');
    expect(offered.map((o) => o.value)).not.toContain('sft');
    expect(offered.map((o) => o.value)).not.toContain('cdpo');
    const box = g.getByRole('textbox', { name: c.weightLabel(EN.losses.bco_pair.label) });
    await user.clear(box);
    await user.type(box, '0.2{Enter}');
    expect(store.getState().extraTerms).toEqual([{ type: 'bco_pair', weight: 0.2 }]);
    // A weight out of range is refused by the box, and the store keeps the last good one.
    await user.clear(box);
    await user.type(box, '-1{Enter}');
    expect(store.getState().extraTerms).toEqual([{ type: 'bco_pair', weight: 0.2 }]);
    await user.click(g.getByRole('button', { name: c.remove(EN.losses.bco_pair.label) }));
    expect(store.getState().extraTerms).toEqual([]);
  });

  it('show the settings a listed loss reads (DiscoPOP’s τ beside plain DPO)', () => {
    const tau = () => screen.queryByRole('textbox', { name: EN.controls.discopopTau.label });
    const { store } = renderWithStore(<ControlsPanel />, { losses: ['sigmoid'] });
    expect(tau()).toBeNull();
    act(() => store.getState().update({ extraTerms: [{ type: 'discopop', weight: 0.5 }] }));
    expect(tau()).toBeTruthy();
  });

  it('the loss names carry the list, in both languages', () => {
    const { store } = renderWithStore(<Label />, { losses: ['sigmoid'] });
    const out = screen.getByRole('status');
    act(() =>
      store.getState().update({
        extraTerms: [{ type: 'bco_pair', weight: 0.2 }],
        sftWeight: 1,
      }),
    );
    expect(out.textContent).toBe(c.listName(EN.losses.sigmoid.label, ['0.2·BCO', '1·SFT']));
    expect(out.textContent).toBe('DPO + 0.2·BCO + 1·SFT');
    act(() => store.getState().update({ lang: 'zh' }));
    expect(out.textContent).toBe(
      ZH.controls.extraTerms.listName(ZH.losses.sigmoid.label, [`0.2·${ZH.losses.bco_pair.label}`, '1·SFT']),
    );
  });
});
