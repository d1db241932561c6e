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

describe('PresetMenu after the scenario’s settings were edited', () => {
  it('says "changed from <scenario>" and collapses the explanation, in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const T = lang === 'en' ? EN : ZH;
      const { store, unmount } = renderWithStore(<PresetMenu ids={IDS} onLoad={() => {}} />, { lang });
      act(() => store.getState().loadPreset('noisy'));
      // Just loaded: the explanation is shown as it is, nothing marked.
      expect(screen.getByText(T.presets.noisy.explanation).closest('details')).toBeNull();
      act(() => store.getState().update({ beta: 0.7 }));
      expect(screen.getByText(T.controls.presetMenu.changed(T.presets.noisy.title, 'beta'))).toBeTruthy();
      const details = screen.getByText(T.presets.noisy.explanation).closest('details');
      expect(details).not.toBeNull();
      expect(details?.open).toBe(false);
      // A viewer setting is not a change of the scenario; setting β back is no change either.
      act(() => store.getState().update({ beta: store.getState().beta, theme: 'dark' }));
      act(() => store.getState().loadPreset('noisy'));
      act(() => store.getState().update({ theme: 'dark' }));
      expect(screen.getByText(T.presets.noisy.explanation).closest('details')).toBeNull();
      unmount();
    }
  });
});
