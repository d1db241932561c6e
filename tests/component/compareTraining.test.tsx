// The "Weak vs strong β" scenario's promise, "Compare the KL from the reference of the two runs", kept on
// screen: the training view names both runs and lists both runs' KL from the reference (where training ends
// as the scenario loads; at the time cursor's step, like the TRL tables, once it moves), with the TRL
// metrics of the dashed run beside the main run's.
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { TrainingView } from '../../src/components/views/TrainingView.tsx';
import { parseHash } from '../../src/state/urlCodec.ts';
import { compareRowsOf, compareRunsOf, compareStateOf } from '../../src/derive/compare.ts';
import { trainingRunsOf } from '../../src/derive/toy.ts';
import { formatNumber } from '../../src/math/numberFormat.ts';
import { renderWithStore } from './renderWithStore.tsx';

describe('the training view with a compared run', () => {
  it('the β scenario shows the KL from the reference of both runs', () => {
    const state = parseHash('#v=2&preset=beta-strength').state;
    renderWithStore(<TrainingView />, state);
    const other = compareStateOf(state)!;
    const [row] = compareRowsOf('beta', trainingRunsOf(state).runs, compareRunsOf(other).runs, {
      main: state.refProbs,
      other: other.refProbs,
    });
    const table = screen.getByRole('table', {
      name: `Both runs at step ${state.steps} of ${state.steps}: β = 0.1 and β = 1`,
    });
    const cells = within(table).getAllByRole('row').at(-1)!.querySelectorAll('td');
    const texts = Array.from(cells, (c) => c.textContent);
    expect(texts).toEqual([
      formatNumber(row.main.chosen),
      formatNumber(row.main.rejected),
      formatNumber(row.main.kl),
      formatNumber(row.other.chosen),
      formatNumber(row.other.rejected),
      formatNumber(row.other.kl),
    ]);
    // The weak β moves much farther from the reference.
    expect(row.main.kl).toBeGreaterThan(row.other.kl);
    // Three or more responses: y₃ is dotted, so the second run is drawn faint in the same dashes.
    expect(state.responses).toBeGreaterThanOrEqual(3);
    expect(screen.getByText(/Strong lines: β = 0\.1\. Faint lines in the same styles: β = 1\./)).toBeTruthy();
    expect(
      screen.getByText(/runs? over the steps.*Solid lines: β = 0\.1\. Dashed lines: β = 1\./),
    ).toBeTruthy();
    expect(
      screen.getByRole('table', { name: `DPO · β = 1: TRL metrics at step ${state.steps}` }),
    ).toBeTruthy();
  });

  it('follows the time cursor like the TRL tables beside it', () => {
    const state = parseHash('#v=2&preset=beta-strength').state;
    const { store } = renderWithStore(<TrainingView />, state);
    const other = compareStateOf(state)!;
    const cellsAt = (t: number): string[] => {
      const table = screen.getByRole('table', {
        name: `Both runs at step ${t} of ${state.steps}: β = 0.1 and β = 1`,
      });
      return Array.from(
        within(table).getAllByRole('row').at(-1)!.querySelectorAll('td'),
        (c) => c.textContent ?? '',
      );
    };
    const expected = (t: number): string[] => {
      const [row] = compareRowsOf(
        'beta',
        trainingRunsOf(state).runs,
        compareRunsOf(other).runs,
        { main: state.refProbs, other: other.refProbs },
        t,
      );
      expect([row.main.step, row.other.step]).toEqual([t, t]);
      return [row.main, row.other].flatMap((r) => [r.chosen, r.rejected, r.kl].map((x) => formatNumber(x)));
    };
    const end = cellsAt(state.steps);
    act(() => store.getState().update({ t: 40 }));
    const at40 = cellsAt(40);
    expect(at40).toEqual(expected(40));
    expect(at40).not.toEqual(end);
    // The same step as the dashed run's TRL table.
    expect(screen.getByRole('table', { name: 'DPO · β = 1: TRL metrics at step 40' })).toBeTruthy();
  });

  it('without a compared run there is no second table', () => {
    renderWithStore(<TrainingView />, { steps: 20 });
    expect(screen.queryByRole('table', { name: /Both runs/ })).toBeNull();
  });
});
