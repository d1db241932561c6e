import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { renderWithStore } from './renderWithStore.tsx';
import { parseHash, stateToHash } from '../../src/state/urlCodec.ts';

const box = (name: string | RegExp) => screen.queryByRole('textbox', { name });

describe('ControlsPanel', () => {
  it('groups the controls into Loss, Responses and Toy policy sections', () => {
    renderWithStore(<ControlsPanel />);
    const panel = screen.getByRole('complementary', { name: 'Controls' });
    for (const name of ['Loss', 'Responses', 'Toy policy'])
      expect(within(panel).getByRole('region', { name })).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Responses' })).getByRole('group', {
        name: 'The toy’s responses: log-probabilities',
      }),
    ).toBeTruthy();
  });

  it('gives every input a visible label', () => {
    const { container } = renderWithStore(<ControlsPanel />, {
      losses: ['sigmoid', 'cdpo', 'ipo', 'discopop', 'kto'],
    });
    const inputs = container.querySelectorAll<HTMLInputElement>('input, select');
    expect(inputs.length).toBeGreaterThan(30);
    for (const input of inputs) {
      const labelledBy = input.getAttribute('aria-labelledby');
      const label = labelledBy
        ? document.getElementById(labelledBy)
        : container.querySelector(`label[for="${input.id}"]`);
      expect(label?.tagName, `${input.type} ${input.id}`).toBe('LABEL');
      expect(label?.textContent?.trim().length).toBeGreaterThan(0);
    }
  });

  it('shows ε, IPO normalisation with lengths, τ and KTO settings only while a loss uses them', async () => {
    const { store, user } = renderWithStore(<ControlsPanel />, { losses: ['sigmoid'] });
    expect(box('Label smoothing ε')).toBeNull();
    expect(screen.queryByRole('group', { name: 'IPO margin' })).toBeNull();
    expect(box('DiscoPOP temperature τ')).toBeNull();
    expect(box('Desirable weight λD')).toBeNull();

    act(() => store.getState().update({ losses: ['sigmoid', 'robust', 'ipo', 'discopop', 'kto'] }));
    expect(box('Label smoothing ε')).not.toBeNull();
    expect(box('Tokens in y_w (Lw)')).not.toBeNull();
    expect(box('DiscoPOP temperature τ')).not.toBeNull();
    expect(box('Desirable weight λD')).not.toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Sum (paper, Eq. 17)' }));
    expect(store.getState().ipoNormalization).toBe('sum');
  });

  it('shows SimPO’s γ and cpo_alpha only while SimPO is selected, and writes them to the link', async () => {
    const { store, user } = renderWithStore(<ControlsPanel />, { losses: ['sigmoid', 'orpo'] });
    // ORPO reads neither (β is its λ); its per-token means read the lengths.
    expect(box('SimPO target margin γ')).toBeNull();
    expect(box('SimPO NLL weight (cpo_alpha)')).toBeNull();
    expect(box('Tokens in y_w (Lw)')).not.toBeNull();
    expect(box('Label smoothing ε')).toBeNull();

    // Ticking SimPO in "All TRL losses" brings its settings, ε included (its label_smoothing).
    await user.click(screen.getByRole('checkbox', { name: /SimPO/ }));
    expect(store.getState().losses).toEqual(['sigmoid', 'orpo', 'simpo']);
    const gamma = box('SimPO target margin γ') as HTMLElement;
    const alpha = box('SimPO NLL weight (cpo_alpha)') as HTMLElement;
    expect(gamma).toHaveProperty('value', '0.5');
    expect(alpha).toHaveProperty('value', '1');
    expect(box('Label smoothing ε')).not.toBeNull();

    await user.tripleClick(gamma);
    await user.paste('1.25');
    await user.keyboard('{Enter}');
    await user.tripleClick(alpha);
    await user.paste('0');
    await user.keyboard('{Enter}');
    expect(store.getState().simpoGamma).toBe(1.25);
    expect(store.getState().cpoAlpha).toBe(0);
    const hash = stateToHash(store.getState());
    expect(hash).toMatch(/(^|&)gamma=1\.25(&|$)/);
    expect(hash).toMatch(/(^|&)cpoa=0(&|$)/);
    expect(hash).toMatch(/(^|&)loss=sigmoid,orpo,simpo(&|$)/);
    // The link reads back to the same settings.
    const back = parseHash(`#${hash.replace(/^#/, '')}`).state;
    expect([back.simpoGamma, back.cpoAlpha, back.losses]).toEqual([1.25, 0, ['sigmoid', 'orpo', 'simpo']]);

    act(() => store.getState().update({ losses: ['sigmoid'] }));
    expect(box('SimPO target margin γ')).toBeNull();
    expect(box('SimPO NLL weight (cpo_alpha)')).toBeNull();
  });

  it('refuses ε below 0.001 while EXO is selected, and accepts it otherwise', async () => {
    const { store, user } = renderWithStore(<ControlsPanel />, { losses: ['exo_pair'] });
    const eps = box('Label smoothing ε') as HTMLElement;
    await user.tripleClick(eps);
    await user.paste('0');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(
      'EXO (exo_pair) needs ε of at least 0.001: TRL raises an error at ε = 0. Still using 0.1.',
    );
    expect(store.getState().labelSmoothing).toBe(0.1);
    // Between 0 and EXO's smallest ε: refused too, rather than silently raised.
    await user.tripleClick(eps);
    await user.paste('0.0005');
    expect(screen.getByRole('alert').textContent).toMatch(/^EXO \(exo_pair\) needs ε of at least 0\.001/);
    expect(store.getState().labelSmoothing).toBe(0.1);

    // Deselecting EXO removes the reason, so the message goes and the box shows the stored value again.
    act(() => store.getState().update({ losses: ['cdpo'] }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box('Label smoothing ε')).toHaveProperty('value', '0.1');
    await user.tripleClick(box('Label smoothing ε') as HTMLElement);
    await user.paste('0');
    expect(store.getState().labelSmoothing).toBe(0);
  });

  it('enables z0 only for a fixed reference point and similarity only for shared features', async () => {
    const { store, user } = renderWithStore(<ControlsPanel />);
    expect(box('z0 value')).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('radio', { name: 'Fixed number' }));
    expect(store.getState().z0Mode).toBe('fixed');
    expect(box('z0 value')).toHaveProperty('disabled', false);

    expect(box('Similarity of y_w and y_l')).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('radio', { name: 'Shared' }));
    expect(store.getState().features).toBe('shared');
    expect(box('Similarity of y_w and y_l')).toHaveProperty('disabled', false);

    await user.click(screen.getByRole('radio', { name: 'SGD' }));
    expect(store.getState().optimizer).toBe('sgd');
  });

  it('collapses on request (the toggle is only shown on small screens)', async () => {
    const { user } = renderWithStore(<ControlsPanel />);
    const toggle = screen.getByRole('button', { name: 'Hide controls' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('Show controls');
    const body = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(body?.getAttribute('data-collapsed')).toBe('true');
  });

  it('includes the preset menu only when presets are given', () => {
    const { rerender } = renderWithStore(<ControlsPanel />);
    expect(screen.queryByRole('combobox', { name: 'Scenario' })).toBeNull();
    rerender(<ControlsPanel presets={['start']} onLoadPreset={() => {}} />);
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toBeTruthy();
  });

  it('notes λD/λU outside TRL’s [1, 1.33], and that TRL checks it only when the counts differ', () => {
    renderWithStore(<ControlsPanel />, { desirableWeight: 1, undesirableWeight: 2 });
    const note = screen.getByText(/λD\/λU = 0\.5, outside \[1, 1\.33\]/);
    expect(note.textContent).toMatch(/different numbers of desirable and undesirable examples/);
    expect(note.textContent).toMatch(/with one of each, as here, it does not check/);
  });

  it('says nothing about the ratio inside TRL’s range, at its upper end too (1.33, not 4/3)', () => {
    for (const desirableWeight of [1, 1.2, 1.33]) {
      const { unmount } = renderWithStore(<ControlsPanel />, { desirableWeight, undesirableWeight: 1 });
      expect(screen.queryByText(/outside \[1, 1\.33\]/)).toBeNull();
      unmount();
    }
    renderWithStore(<ControlsPanel />, { desirableWeight: 1.333, undesirableWeight: 1 });
    expect(screen.getByText(/λD\/λU = 1\.333, outside/)).toBeTruthy();
  });

  it('says what λD = λU = 0 means instead of a ratio of "—"', () => {
    renderWithStore(<ControlsPanel />, { losses: ['kto'], desirableWeight: 0, undesirableWeight: 0 });
    expect(screen.getByText(/λD = λU = 0/).textContent).toMatch(/nothing trains/);
    for (const el of screen.getAllByRole('status')) expect(el.textContent).not.toContain('—');
  });
});
