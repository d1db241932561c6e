import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { PresetMenu } from '../../src/components/controls/PresetMenu.tsx';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { c3 } from '../../src/i18n/figureFormat.ts';
import { renderWithStore } from './renderWithStore.tsx';
import type { LanguageTable } from '../../src/i18n/languages.ts';
import type { ScenarioId } from '../../src/math/index.ts';
import type { AppState } from '../../src/state/appState.ts';
import { baseState } from '../../src/state/urlCodec.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import { SCENARIO_FIELDS, scenarioExplanation } from '../../src/derive/scenarioFacts.ts';

/** Two scenarios; the menu takes their titles and explanation templates from the language table. */
const IDS = ['deterministic', 'noisy'];

/** What scenario `id`'s explanation says about `state` (default: the scenario as loaded). */
const said = (T: LanguageTable, id: ScenarioId, state: Readonly<AppState> = baseState(id)): string =>
  scenarioExplanation(T.presets, id, pickFields(state, SCENARIO_FIELDS));

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
    expect(explanation?.textContent).toBe(said(EN, 'noisy'));
    // Browsing the list does not load anything yet.
    expect(onLoad).not.toHaveBeenCalled();
    await user.click(load);
    expect(onLoad).toHaveBeenCalledWith('noisy');
  });

  it('follows the preset the store says was loaded (a shared link), over a choice made before', async () => {
    const { store, user } = renderWithStore(<PresetMenu ids={IDS} onLoad={() => {}} />, { lang: 'zh' });
    const select = screen.getByRole('combobox');
    await user.selectOptions(select, 'noisy');
    // Set the field as a loaded link leaves it; the explanation is in the store's language, and about the
    // state on screen (here the default one, not the scenario's own: it is marked changed).
    act(() => store.setState({ preset: 'deterministic' }));
    expect(select).toHaveProperty('value', 'deterministic');
    expect(screen.getByText(said(ZH, 'deterministic', store.getState()))).toBeTruthy();
  });
});

describe('PresetMenu after the scenario’s settings were edited', () => {
  it('says "changed from <scenario>" and collapses the explanation, in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const T = lang === 'en' ? EN : ZH;
      const { store, unmount } = renderWithStore(<PresetMenu ids={IDS} onLoad={() => {}} />, { lang });
      act(() => store.getState().loadPreset('noisy'));
      // Just loaded: the explanation is shown as it is, nothing marked.
      expect(screen.getByText(said(T, 'noisy')).closest('details')).toBeNull();
      act(() => store.getState().update({ beta: 0.7 }));
      expect(screen.getByText(T.controls.presetMenu.changed(T.presets.noisy.title, 'beta'))).toBeTruthy();
      // The numbers follow the state: DPO's optimum is now logit(0.8)/0.7 ≈ 1.98, IPO's 0.6/1.4 ≈ 0.429.
      const edited = said(T, 'noisy', store.getState());
      expect(edited).not.toBe(said(T, 'noisy'));
      expect(edited).toContain(`= ${c3(Math.log(4) / 0.7)}`);
      expect(edited).toContain(`= ${c3(0.6 / 1.4)}`);
      const details = screen.getByText(edited).closest('details');
      expect(details).not.toBeNull();
      expect(details?.open).toBe(false);
      // A viewer setting is not a change of the scenario; setting β back is no change either.
      act(() => store.getState().update({ beta: store.getState().beta, theme: 'dark' }));
      act(() => store.getState().loadPreset('noisy'));
      act(() => store.getState().update({ theme: 'dark' }));
      expect(screen.getByText(said(T, 'noisy')).closest('details')).toBeNull();
      unmount();
    }
  });
});

describe('PresetMenu: a claim the edited state no longer bears out is dropped', () => {
  it('deterministic at p = 0.9: no "every time", no "over-fits", and the numbers of the new run', () => {
    const { store } = renderWithStore(<PresetMenu ids={IDS} onLoad={() => {}} />);
    act(() => store.getState().loadPreset('deterministic'));
    const loaded = said(EN, 'deterministic');
    expect(loaded).toContain('every time (p = 1)');
    expect(loaded).toContain('over-fits');
    act(() => store.getState().update({ preferenceProb: 0.9 }));
    const edited = said(EN, 'deterministic', store.getState());
    expect(edited).toContain('with probability p = 0.9');
    expect(edited).not.toContain('every time');
    expect(edited).not.toContain('over-fits');
    // IPO's target is now (2p − 1)/(2β) = 0.8/0.2 = 4, and it still settles there.
    expect(edited).toContain(`(2p − 1)/(2β) = ${c3(4)} here, and stops there`);
    expect(screen.getByText(edited)).toBeTruthy();
  });
});

describe('PresetMenu: the β scenario speaks of the compared run on screen', () => {
  it('states the strong β and its numbers of the vs=beta:… run shown, and drops them without one', () => {
    const { store } = renderWithStore(<PresetMenu ids={['beta-strength']} onLoad={() => {}} />);
    act(() => store.getState().loadPreset('beta-strength'));
    const loaded = said(EN, 'beta-strength');
    expect(loaded).toContain(`strong β = ${c3(1)}`);
    expect(screen.getByText(loaded)).toBeTruthy();
    // Another compared β: the explanation follows the dashed run the views draw.
    act(() => store.getState().update({ compare: 'beta:2' }));
    const two = said(EN, 'beta-strength', store.getState());
    expect(two).toContain(`strong β = ${c3(2)}`);
    expect(two).not.toBe(loaded);
    expect(screen.getByText(two)).toBeTruthy();
    // No compared run: no strong run, no KL of two runs.
    act(() => store.getState().update({ compare: '' }));
    const alone = said(EN, 'beta-strength', store.getState());
    expect(alone).not.toContain('strong');
    expect(alone).not.toContain('KL');
    expect(screen.getByText(alone)).toBeTruthy();
  });
});
