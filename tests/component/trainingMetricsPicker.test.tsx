// The "TRL metrics to plot" ticks live in the state (so a link restores them), and on KTO with thumbs-down
// data only the automatic ticks are metrics that have data.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { TrainingView } from '../../src/components/views/TrainingView.tsx';
import { stateToHash, parseHash } from '../../src/state/urlCodec.ts';
import { pickAppState } from '../../src/state/store.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { renderWithStore } from './renderWithStore.tsx';

const ticked = () =>
  screen
    .getAllByRole('checkbox')
    .filter((c) => (c as HTMLInputElement).checked)
    .map((c) => c.parentElement?.textContent?.trim());

describe('TrainingView metric picker', () => {
  it('a tick is stored in the state and written to the link', async () => {
    const { store, user } = renderWithStore(<TrainingView />);
    const before = ticked();
    await user.click(screen.getByRole('checkbox', { name: 'loss' }));
    expect(store.getState().trainingMetrics).toEqual([...before, 'loss']);
    const hash = stateToHash(pickAppState(store.getState()));
    expect(parseHash(hash).state.trainingMetrics).toEqual([...before, 'loss']);
    expect(ticked()).toEqual([...before, 'loss']);
  });

  it('KTO on thumbs-down data: the automatic ticks have data, and the caption says π(A) fell', () => {
    renderWithStore(<TrainingView />, { losses: ['kto'], dataset: 'thumbs-down' });
    expect(ticked()).toEqual(['rewards/rejected', 'logps/rejected', 'loss']);
    expect(
      screen.getByText(new RegExp(EN.views.trainingMoved('thumbs-down', [], ['KTO']).replace(/[()]/g, '.'))),
    ).toBeTruthy();
  });
});
