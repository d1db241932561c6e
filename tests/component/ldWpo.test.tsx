// The LD-DPO (ld_alpha) and WPO (use_weighting) controls: shown while a loss they change is selected, and
// they write the store (and so the link).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { EN } from '../../src/i18n/en/index.ts';
import { renderWithStore } from './renderWithStore.tsx';

afterEach(cleanup);

const c = EN.controls;
const ldBox = () => screen.queryByRole('textbox', { name: c.ldAlpha.label });
const wpoBox = () => screen.queryByRole('checkbox', { name: c.wpoWeighting.label });
const lengthBox = () => screen.queryByRole('textbox', { name: c.lengthNorm.chosenLength });

describe('the LD-DPO and WPO controls', () => {
  it('appear only with a loss they change: neither for KTO or SimPO, only WPO for sft alone', () => {
    renderWithStore(<ControlsPanel />, { losses: ['kto', 'simpo'] });
    expect(ldBox()).toBeNull();
    expect(wpoBox()).toBeNull();
    cleanup();
    renderWithStore(<ControlsPanel />, { losses: ['sft'] });
    expect(ldBox()).toBeNull();
    expect(wpoBox()).toBeTruthy();
    cleanup();
    renderWithStore(<ControlsPanel />, { losses: ['sigmoid', 'kto'] });
    expect(ldBox()).toBeTruthy();
    expect(wpoBox()).toBeTruthy();
  });

  it('write the store; the lengths show while LD-DPO is on (it reads them)', async () => {
    const { store, user } = renderWithStore(<ControlsPanel />, { losses: ['sigmoid'] });
    expect(lengthBox()).toBeNull();
    const box = ldBox()!;
    await user.clear(box);
    await user.type(box, '0.5{Enter}');
    expect(store.getState().ldAlpha).toBe(0.5);
    expect(lengthBox()).toBeTruthy();
    await user.click(wpoBox()!);
    expect(store.getState().wpoWeighting).toBe(true);
    expect((wpoBox() as HTMLInputElement).checked).toBe(true);
  });
});
