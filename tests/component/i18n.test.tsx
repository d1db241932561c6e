// Every visible word of the controls and readout must come from the language table, so that a Chinese table
// covers them all. Rendered with a pseudo-locale that brackets each string ⟦…⟧ (pseudoLocale.ts), any text
// node with Latin letters and no bracket is hard-coded English — unless it sits in translate="no" (TRL names,
// formulas).
import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { PairReadout } from '../../src/components/readout/PairReadout.tsx';
import { TrlMetricsTable } from '../../src/components/readout/TrlMetricsTable.tsx';
import { LOSS_IDS } from '../../src/math/index.ts';
import { renderWithStore } from './renderWithStore.tsx';
import { PSEUDO_TABLES, untranslated } from './pseudoLocale.ts';

describe('no hard-coded English', () => {
  it('in the controls, the readout and the metrics table, with every optional part showing', async () => {
    const { container, user, store } = renderWithStore(
      <>
        <ControlsPanel presets={['start']} onLoadPreset={() => {}} />
        <PairReadout />
        <TrlMetricsTable metrics={{ loss: 0.5, 'rewards/accuracies': 1, 'logps/chosen': -3, kl: 0.1 }} />
      </>,
      { losses: [...LOSS_IDS], desirableWeight: 3, startLogRatios: [1, -1, 0] },
      PSEUDO_TABLES,
    );
    // A refusal message, a popover and the KTO fixed-z0 note.
    await user.tripleClick(screen.getAllByRole('textbox')[0]);
    await user.paste('abc');
    act(() => store.getState().update({ z0Mode: 'fixed', z0: 1 }));
    act(() => screen.getAllByRole('button', { name: /\d/ })[0].focus());
    expect(screen.getByRole('alert').textContent).toContain('⟦');
    expect(untranslated(container)).toEqual([]);
    // Every loss's readout column in jsdom: ~3 s alone, over 5 s beside other test workers on two cores.
  }, 20_000);

  it('in the refusal to untick the last loss (EXO alone, its ε at the minimum)', async () => {
    const { container, user } = renderWithStore(
      <>
        <ControlsPanel />
        <PairReadout />
      </>,
      { losses: ['exo_pair'], labelSmoothing: 0 },
      PSEUDO_TABLES,
    );
    await user.click(screen.getAllByRole('checkbox', { checked: true })[0]);
    expect(screen.getAllByRole('status').some((el) => el.textContent?.includes('⟦'))).toBe(true);
    expect(untranslated(container)).toEqual([]);
  });
});
