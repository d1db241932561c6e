import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { LOSS_IDS } from '../../src/math/index.ts';
import { LossPicker } from '../../src/components/controls/LossPicker.tsx';
import { renderWithStore } from './renderWithStore.tsx';

const status = () => screen.getByRole('status');

describe('LossPicker', () => {
  it('shows DPO, IPO and KTO up front with their TRL loss_type, ticked by default', () => {
    renderWithStore(<LossPicker />);
    for (const name of [/^DPO sigmoid$/, /^IPO ipo$/, /^KTO kto$/]) {
      expect(screen.getByRole('checkbox', { name })).toHaveProperty('checked', true);
    }
    expect(screen.getByText('sigmoid').tagName).toBe('CODE');
  });

  it('ticking and unticking checkboxes adds and removes losses, in the order chosen', async () => {
    const { store, user } = renderWithStore(<LossPicker />);
    await user.click(screen.getByRole('checkbox', { name: /^IPO/ }));
    expect(store.getState().losses).toEqual(['sigmoid', 'kto']);

    await user.click(screen.getByText('All TRL losses'));
    await user.click(screen.getByRole('checkbox', { name: /^Conservative DPO cdpo$/ }));
    await user.click(screen.getByRole('checkbox', { name: /^IPO/ }));
    expect(store.getState().losses).toEqual(['sigmoid', 'kto', 'cdpo', 'ipo']);
  });

  it('lists every other TRL loss under "All TRL losses" with the notes where TRL differs', () => {
    renderWithStore(<LossPicker />);
    const cdpo = screen.getByRole('checkbox', { name: /^Conservative DPO cdpo$/ });
    expect(cdpo.closest('details')).not.toBeNull();
    expect(screen.getByText(/Not a TRL loss_type since TRL 0\.29/)).toBeTruthy();
    expect(screen.getByText(/TRL documents it as SimPO/)).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(LOSS_IDS.length);
    // sft is a pair loss like the others; aot and aot_unpaired are named as batch losses the toy does not train.
    expect(
      screen.getByRole('checkbox', { name: /^SFT \(chosen only\) sft$/ }).closest('details'),
    ).not.toBeNull();
    expect(screen.getByText(/aot and aot_unpaired/)).toBeTruthy();
  });

  it('lists SimPO and ORPO last, apart, as trl.experimental trainers without a reference model', () => {
    renderWithStore(<LossPicker />);
    const group = screen.getByRole('list', { name: 'trl.experimental trainers, no reference model' });
    expect(group.closest('details')).not.toBeNull();
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes.map((b) => b.getAttribute('aria-describedby') !== null)).toEqual([true, true]);
    expect(within(group).getByRole('checkbox', { name: /^SimPO simpo$/ })).toBeTruthy();
    expect(within(group).getByRole('checkbox', { name: /^ORPO orpo$/ })).toBeTruthy();
    expect(within(group).getByText(/CPOTrainer\(loss_type="simpo"\): no reference model/)).toBeTruthy();
    expect(within(group).getByText(/ORPOTrainer: no reference model/)).toBeTruthy();
    // The last two checkboxes of the picker.
    const all = screen.getAllByRole('checkbox');
    expect(all.slice(-2)).toEqual(boxes);
  });

  it('opens "All TRL losses" when a link selected one of them', () => {
    const { container } = renderWithStore(<LossPicker />, { losses: ['hinge'] });
    expect(container.querySelector('details')?.open).toBe(true);
    expect(screen.getByText(/1 selected/)).toBeTruthy();
  });

  it('refuses to untick the last loss, politely, and keeps it selected', async () => {
    const { store, user } = renderWithStore(<LossPicker />, { losses: ['ipo'] });
    expect(status().textContent).toBe('');
    const ipo = screen.getByRole('checkbox', { name: /^IPO/ });
    await user.click(ipo);
    expect(store.getState().losses).toEqual(['ipo']);
    expect(ipo).toHaveProperty('checked', true);
    expect(status().textContent).toBe(
      'At least one loss stays selected: tick another before removing IPO (ipo).',
    );

    await user.click(screen.getByRole('checkbox', { name: /^DPO/ }));
    expect(store.getState().losses).toEqual(['ipo', 'sigmoid']);
    expect(status().textContent).toBe('');
  });
});
