// The readout under thumbs-down data (issue 10): the one undesirable example on A at the cursor's step, as
// TRL's KTOTrainer logs it; no pair, no y_w / y_l rows, no chosen values; pair losses say they cannot train.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { PairReadout } from '../../src/components/readout/PairReadout.tsx';
import { formatNumber } from '../../src/math/numberFormat.ts';
import { parseHash } from '../../src/state/urlCodec.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import { TrlMetricsTable } from '../../src/components/readout/TrlMetricsTable.tsx';
import { metricsAtStep } from '../../src/derive/atStep.ts';
import { renderWithStore } from './renderWithStore.tsx';

const PRESET = parseHash('#v=2&preset=kto-undesirable-only').state;
const PATCH = { ...PRESET, losses: ['kto', 'sigmoid'] as typeof PRESET.losses, t: 100 };
const RUN = computeTrainingRuns({ ...PRESET, ...PATCH }).runs.find((r) => r.id === 'kto')!;

function cell(row: string, column: RegExp): HTMLElement {
  const table = screen.getByRole('table');
  const headers = within(table).getAllByRole('columnheader');
  const col = headers.findIndex((h) => column.test(h.textContent ?? ''));
  const tr = within(table)
    .getAllByRole('row')
    .find((r) => r.querySelector('th[scope="row"] code')?.textContent === row);
  if (col < 0 || !tr) throw new Error(`no cell ${row} × ${column}`);
  return tr.querySelectorAll<HTMLElement>('th, td')[col];
}

describe('PairReadout under thumbs-down data', () => {
  it('shows KTO’s one undesirable example at step t as its run and TRL’s metrics have it', () => {
    renderWithStore(<PairReadout />, PATCH);
    expect(screen.getByRole('heading').textContent).toMatch(EN.thumbs.readout.heading);
    expect(screen.getByRole('heading').textContent).toMatch(/100/);
    const kto = (row: string) => cell(row, /^KTO/).querySelector('.metric-plain')?.textContent;
    expect(kto('loss')).toBe(formatNumber(RUN.loss[100]));
    expect(kto('rewards/rejected')).toBe(formatNumber(RUN.metrics['rewards/rejected'][100]));
    expect(kto('logps/rejected')).toBe(formatNumber(RUN.metrics['logps/rejected'][100]));
    expect(kto('kl')).toBe(formatNumber(RUN.metrics.kl[100]));
    // The push on log π(A): positive (training lowers π(A), as the training view shows).
    const push = Number(
      cell('∂loss/∂log π(A)', /^KTO/).querySelector('.metric-plain')?.getAttribute('data-value'),
    );
    expect(push).toBeGreaterThan(0);
    expect(RUN.probs[100][0]).toBeLessThan(RUN.probs[0][0]);
  });

  it('has no pair rows and no chosen values: rewards/chosen and margins are “—” with a note', () => {
    renderWithStore(<PairReadout />, PATCH);
    const table = screen.getByRole('table');
    expect(table.textContent).not.toMatch(/y_w|y_l/);
    for (const row of ['rewards/chosen', 'rewards/margins']) {
      const c = cell(row, /^KTO/);
      expect(c.querySelector('.metric-plain')).toBeNull();
      expect(c.textContent).toContain('—');
      expect(c.textContent).toContain(EN.thumbs.readout.noDesirable);
    }
  });

  it('a pair loss’s column says it cannot train on these data and shows no number', () => {
    renderWithStore(<PairReadout />, PATCH);
    expect(cell('loss', /^DPO/).textContent).toBe(EN.thumbs.readout.pairLoss);
    expect(screen.getByRole('table').querySelectorAll('td .metric-plain')).toHaveLength(5);
  });

  it('in Chinese', () => {
    renderWithStore(<PairReadout />, { ...PATCH, lang: 'zh' });
    expect(screen.getByRole('heading').textContent).toMatch(ZH.thumbs.readout.heading);
    expect(cell('rewards/chosen', /^KTO/).textContent).toContain(ZH.thumbs.readout.noDesirable);
  });

  it('pair data keep the pair readout', () => {
    renderWithStore(<PairReadout />, { ...PATCH, dataset: 'pair' });
    expect(screen.getByRole('table').textContent).toMatch(/y_w/);
  });
});

describe('TrlMetricsTable of a thumbs-down run', () => {
  it('lists only what TRL logs for an undesirable-only batch and says why the chosen side is missing', () => {
    const { metrics } = metricsAtStep(RUN, 100);
    renderWithStore(<TrlMetricsTable metrics={metrics} />);
    const names = screen.getAllByRole('rowheader').map((th) => th.querySelector('code')?.textContent);
    expect(names).toContain('rewards/rejected');
    expect(names).toContain('kl');
    expect(names.filter((n) => /chosen|margins/.test(n ?? ''))).toEqual([]);
    expect(document.body.textContent).toContain(EN.thumbs.readout.trlNoDesirable);
  });

  it('says nothing of the kind for a pair run', () => {
    renderWithStore(<TrlMetricsTable metrics={{ loss: 0.6, 'rewards/chosen': 0.1 }} />);
    expect(document.body.textContent).not.toContain(EN.thumbs.readout.trlNoDesirable);
  });
});
