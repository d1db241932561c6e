// A heavy state (many losses × many steps × K responses) trains off the main thread: until its runs arrive,
// the views and readouts that need them say "Training… (K × N × L)" and show nothing of older runs; then
// they show exactly the runs the synchronous path computes. (jsdom has no Worker: the fallback trains in a
// task of its own after the render, the same path a page without workers takes.)
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { TrainingView } from '../../src/components/views/TrainingView.tsx';
import { PairReadout } from '../../src/components/readout/PairReadout.tsx';
import { useToyFields, useToyRuns } from '../../src/components/views/useToyRuns.ts';
import { computeTrainingRuns, isHeavyTraining, TOY_FIELDS, type ToyRuns } from '../../src/derive/toy.ts';
import { metricsAtStep } from '../../src/derive/atStep.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import { formatNumber } from '../../src/math/numberFormat.ts';
import { EN_VIEWS } from '../../src/i18n/en/views.ts';
import { ZH_VIEWS } from '../../src/i18n/zh/views.ts';
import { renderWithStore } from './renderWithStore.tsx';

const HEAVY = parseHash(
  '#v=2&loss=sigmoid,ipo,hinge,cdpo,robust&k=6&ref=0.3,0.25,0.15,0.1,0.1,0.1&steps=2000',
).state;
const PENDING = EN_VIEWS.trainingPending({ responses: 6, steps: 2000, losses: 5 });

/** Reports what useToyRuns gives on every render. */
function RunsProbe({ seen }: { seen: (ToyRuns | null)[] }) {
  seen.push(useToyRuns(useToyFields()));
  return null;
}

describe('a heavy training', () => {
  it('is heavy, and the default state is not', () => {
    expect(isHeavyTraining(HEAVY)).toBe(true);
    expect(isHeavyTraining(parseHash('').state)).toBe(false);
    expect(PENDING).toBe('Training… (6 responses × 2000 steps × 5 losses)');
    expect(ZH_VIEWS.trainingPending({ responses: 6, steps: 2000, losses: 5 })).toBe(
      '训练中…（6 个回答 × 2000 步 × 5 种损失）',
    );
  });

  it('shows the placeholder first, then exactly the runs the synchronous path computes', async () => {
    const seen: (ToyRuns | null)[] = [];
    renderWithStore(
      <>
        <RunsProbe seen={seen} />
        <TrainingView />
      </>,
      { ...HEAVY, t: HEAVY.steps },
    );
    // First render: nothing trained yet, both plots say so and no TRL table shows numbers.
    expect(seen[0]).toBeNull();
    expect(screen.getAllByText(PENDING)).toHaveLength(2);
    expect(screen.queryAllByRole('table')).toHaveLength(0);

    await waitFor(() => expect(screen.queryAllByText(PENDING)).toHaveLength(0), { timeout: 20_000 });
    const runs = seen.at(-1);
    const expected = computeTrainingRuns(pickFields(HEAVY, TOY_FIELDS));
    expect(runs).toEqual(expected);
    // The TRL tables show the last step of those runs.
    const dpo = expected.runs.find((r) => r.id === 'sigmoid')!;
    const table = screen.getByRole('table', { name: EN_VIEWS.finalMetricsCaption('DPO', 2000) });
    const { metrics } = metricsAtStep(dpo, HEAVY.steps);
    expect(table.textContent).toContain(formatNumber(metrics['rewards/margins']));
  }, 30_000);

  it('the readout past step 0 waits for the runs too, and never shows a column before them', async () => {
    const { store } = renderWithStore(<PairReadout />, { ...HEAVY, steps: 1999 });
    // A new state (another step count): its runs are not trained yet.
    act(() => store.getState().update({ t: 500 }));
    const pending = EN_VIEWS.trainingPending({ responses: 6, steps: 1999, losses: 5 });
    expect(screen.getByText(pending)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await waitFor(() => expect(screen.queryByText(pending)).toBeNull(), { timeout: 20_000 });
    expect(screen.getByRole('table')).toBeTruthy();
  }, 30_000);
});
