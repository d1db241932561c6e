// "Compare with…": choosing a setting and a value sets the compared run through the store's door; a value the
// setting cannot take is refused with an alert and the last good choice kept; a value equal to the current
// one says there is nothing to compare; Clear removes the second run.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { CompareControls } from '../../src/components/controls/CompareControls.tsx';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { renderWithStore } from './renderWithStore.tsx';
import { PSEUDO_TABLES, untranslated } from './pseudoLocale.ts';

describe('Compare with…', () => {
  it('sets vs=beta:1 from the setting and a typed value, and names both runs', async () => {
    const { store, user } = renderWithStore(<CompareControls />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Setting that differs' }), 'beta');
    await user.type(screen.getByRole('textbox', { name: 'Value of the second run' }), '1');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(store.getState().compare).toBe('beta:1');
    expect(screen.getByRole('status').textContent).toBe('Solid lines: β = 0.1. Dashed lines: β = 1.');
    // The control shows the stored choice after the store changed.
    expect(screen.getByRole('combobox', { name: 'Setting that differs' })).toHaveProperty('value', 'beta');
    expect(screen.getByRole('textbox', { name: 'Value of the second run' })).toHaveProperty('value', '1');
  });

  it('refuses a malformed value with an alert and keeps the last good choice', async () => {
    const { store, user } = renderWithStore(<CompareControls />, { compare: 'lr:0.1' });
    const value = screen.getByRole('textbox', { name: 'Value of the second run' });
    await user.clear(value);
    await user.type(value, 'fast');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.getByRole('alert').textContent).toBe('“fast” is not a value this setting takes.');
    expect(store.getState().compare).toBe('lr:0.1');
    expect(value.getAttribute('aria-invalid')).toBe('true');
  });

  it('says there is nothing to compare for the current value', async () => {
    const { store, user } = renderWithStore(<CompareControls />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Setting that differs' }), 'optimizer');
    // With named choices the box offers them (a combobox with a list).
    const value = screen.getByRole('combobox', { name: 'Value of the second run' });
    expect(value.getAttribute('list')).toBeTruthy();
    await user.type(value, 'adam');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(store.getState().compare).toBe('optimizer:adam');
    expect(screen.getByRole('status').textContent).toBe(
      'That is the current setting: there is nothing to compare.',
    );
  });

  it('vs=loss says it compares the first loss shown; Clear removes the second run', async () => {
    const { store, user } = renderWithStore(<CompareControls />, {
      compare: 'loss:ipo',
      losses: ['sigmoid', 'kto'],
    });
    expect(screen.getByRole('status').textContent).toContain('Compares the first loss shown, DPO, with IPO.');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(store.getState().compare).toBe('');
    expect(screen.getByRole('combobox', { name: 'Setting that differs' })).toHaveProperty('value', '');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('follows a scenario: the β scenario shows its second run', () => {
    const { store } = renderWithStore(<CompareControls />);
    store.getState().loadPreset('beta-strength');
    return screen.findByText('Solid lines: β = 0.1. Dashed lines: β = 1.');
  });

  it('sits in the controls panel under its own heading, with no hard-coded English', () => {
    const { container } = renderWithStore(<ControlsPanel />, { compare: 'beta:1' }, PSEUDO_TABLES);
    const region = screen.getByRole('region', { name: /Compare with/ });
    expect(within(region).getByRole('combobox')).toBeTruthy();
    expect(untranslated(container)).toEqual([]);
  });
});
