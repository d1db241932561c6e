import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { TrlMetricsTable } from '../../src/components/readout/TrlMetricsTable.tsx';
import { renderWithStore } from './renderWithStore.tsx';

const METRICS = {
  'logps/chosen': -11.25,
  'rewards/margins': 0.2,
  custom_thing: 3,
  loss: 0.59813,
  'rewards/accuracies': 0,
  'rewards/chosen': 0.1,
};

/** What ORPOTrainer logs (the toy's reference-free run): per-token logps, β × those as rewards, nll_loss. */
const ORPO_METRICS = {
  loss: 0.9,
  'rewards/chosen': -0.75,
  'rewards/rejected': -1.5,
  'rewards/accuracies': 0.9,
  'rewards/margins': 0.75,
  'logps/chosen': -0.375,
  'logps/rejected': -0.75,
  nll_loss: 0.375,
  log_odds_ratio: -0.3,
  log_odds_chosen: 1.2,
};

describe('TrlMetricsTable', () => {
  it('explains a SimPO / ORPO run with their own definitions: per-token means, no reference', () => {
    renderWithStore(<TrlMetricsTable metrics={ORPO_METRICS} />);
    const names = screen.getAllByRole('rowheader').map((th) => th.querySelector('code')?.textContent);
    expect(names.slice(-3)).toEqual(['nll_loss', 'log_odds_ratio', 'log_odds_chosen']);
    const focusTip = (metric: string) => {
      const row = screen.getAllByRole('row').find((r) => r.textContent?.startsWith(metric));
      const value = within(row as HTMLElement).getByRole('button');
      act(() => value.focus());
      return document.getElementById(value.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    };
    expect(focusTip('rewards/chosen')).toContain('rewards/chosen = (1/N)·Σᵢ β·μw,ᵢ');
    expect(focusTip('rewards/chosen')).not.toContain('ρ');
    expect(focusTip('logps/chosen')).toContain('log πθ(y_w,ᵢ)/Lw,ᵢ');
    expect(focusTip('nll_loss')).toContain('nll_loss = (1/N)·Σᵢ (−μw,ᵢ)');
    expect(screen.getByText(/per-token mean log-probabilities/)).toBeTruthy();
    expect(screen.getByText('Mean log-probability per token of the chosen responses.')).toBeTruthy();
    expect(screen.queryByText(/summed log-probability/)).toBeNull();
    expect(screen.queryByText(/Log-probabilities are sums over tokens/)).toBeNull();
  });

  it('lists metrics under TRL’s names, in TRL’s order, unknown names last', () => {
    renderWithStore(<TrlMetricsTable metrics={METRICS} />);
    const names = screen.getAllByRole('rowheader').map((th) => th.querySelector('code')?.textContent);
    expect(names).toEqual([
      'loss',
      'rewards/chosen',
      'rewards/accuracies',
      'rewards/margins',
      'logps/chosen',
      'custom_thing',
    ]);
    expect(screen.getByRole('table', { name: 'Training metrics, as TRL logs them' })).toBeTruthy();
  });

  it('formats values and explains each known one by its batch definition on focus', () => {
    renderWithStore(<TrlMetricsTable metrics={METRICS} caption="Step 200" />);
    const row = screen.getAllByRole('row').find((r) => r.textContent?.startsWith('logps/chosen'));
    const value = within(row as HTMLElement).getByRole('button');
    expect(value.textContent).toBe('−11.25');
    act(() => value.focus());
    const tip = document.getElementById(value.getAttribute('aria-describedby') ?? '');
    expect(tip?.hidden).toBe(false);
    expect(tip?.textContent).toContain('logps/chosen = (1/N)·Σᵢ log πθ(y_w,ᵢ) = −11.25');
    expect(screen.getByText('Step 200')).toBeTruthy();
  });

  it('shows an unknown metric as a plain number and says when there is nothing yet', () => {
    const { rerender } = renderWithStore(<TrlMetricsTable metrics={METRICS} />);
    const row = screen.getAllByRole('row').find((r) => r.textContent?.startsWith('custom_thing'));
    expect(within(row as HTMLElement).queryByRole('button')).toBeNull();
    expect(row?.textContent).toContain('3');
    rerender(<TrlMetricsTable metrics={{}} />);
    expect(screen.getByText('No training metrics yet.')).toBeTruthy();
  });

  it('notes TRL’s strict > for rewards/accuracies and its summed log-probs', () => {
    renderWithStore(<TrlMetricsTable metrics={METRICS} />);
    expect(screen.getByText(/Strict >, as in TRL/)).toBeTruthy();
    expect(screen.getByText(/sums over tokens/)).toBeTruthy();
  });
});
