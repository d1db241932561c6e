import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { PresetMenu } from '../../src/components/controls/PresetMenu.tsx';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { renderWithStore } from './renderWithStore.tsx';

/** Two scenarios; the menu takes their titles and explanations from the language table. */
const IDS = ['deterministic', 'noisy'];

describe('PresetMenu', () => {
  it('shows the selected preset’s explanation in a polite live region and loads it on request', async () => {
    const onLoad = vi.fn();
    const { user } = renderWithStore(<PresetMenu ids={IDS} onLoad={onLoad} />);
    const select = screen.getByRole('combobox', { name: 'Scenario' });
    const load = screen.getByRole('button', { name: 'Load' });
    expect(load).toHaveProperty('disabled', true);
    const explanation = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(explanation?.getAttribute('aria-live')).toBe('polite');

    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      EN.controls.presetMenu.none,
      EN.presets.deterministic.title,
      EN.presets.noisy.title,
    ]);
    await user.selectOptions(select, 'noisy');
    expect(explanation?.textContent).toBe(EN.presets.noisy.explanation);
    // Browsing the list does not load anything yet.
    expect(onLoad).not.toHaveBeenCalled();
    await user.click(load);
    expect(onLoad).toHaveBeenCalledWith('noisy');
  });

  it('follows the preset the store says was loaded (a shared link), over a choice made before', async () => {
    const { store, user } = renderWithStore(<PresetMenu ids={IDS} onLoad={() => {}} />, { lang: 'zh' });
    const select = screen.getByRole('combobox');
    await user.selectOptions(select, 'noisy');
    // Set the field as a loaded link leaves it; the explanation is in the store's language.
    act(() => store.setState({ preset: 'deterministic' }));
    expect(select).toHaveProperty('value', 'deterministic');
    expect(screen.getByText(ZH.presets.deterministic.explanation)).toBeTruthy();
  });
});
