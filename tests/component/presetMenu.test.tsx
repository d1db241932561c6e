import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { PresetMenu } from '../../src/components/controls/PresetMenu.tsx';
import { renderWithStore } from './renderWithStore.tsx';

const PRESETS = [
  { id: 'overfit', title: 'DPO over-fits', explanation: 'With p = 1, DPO pushes the margin forever.' },
  { id: 'ipo-cap', title: 'IPO caps the margin', explanation: 'IPO stops at h* = (2p − 1)/(2β).' },
];

describe('PresetMenu', () => {
  it('shows the selected preset’s explanation in a polite live region and loads it on request', async () => {
    const onLoad = vi.fn();
    const { user } = renderWithStore(<PresetMenu presets={PRESETS} onLoad={onLoad} />);
    const select = screen.getByRole('combobox', { name: 'Scenario' });
    const load = screen.getByRole('button', { name: 'Load' });
    expect(load).toHaveProperty('disabled', true);
    const explanation = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(explanation?.getAttribute('aria-live')).toBe('polite');

    await user.selectOptions(select, 'ipo-cap');
    expect(explanation?.textContent).toBe('IPO stops at h* = (2p − 1)/(2β).');
    // Browsing the list does not load anything yet.
    expect(onLoad).not.toHaveBeenCalled();
    await user.click(load);
    expect(onLoad).toHaveBeenCalledWith('ipo-cap');
  });

  it('follows the preset the store says was loaded (a shared link), over a choice made before', async () => {
    const { store, user } = renderWithStore(<PresetMenu presets={PRESETS} onLoad={() => {}} />);
    const select = screen.getByRole('combobox');
    await user.selectOptions(select, 'ipo-cap');
    // PRESET_IDS (the URL whitelist) is still empty, so set the field as a loaded link leaves it.
    act(() => store.setState({ preset: 'overfit' }));
    expect(select).toHaveProperty('value', 'overfit');
    expect(screen.getByText('With p = 1, DPO pushes the margin forever.')).toBeTruthy();
  });
});
