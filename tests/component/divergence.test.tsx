// Issue 8: a diverged training run is said on screen — a role="status" warning in the training view,
// in English and Chinese — and in the plots' text alternatives; nothing of it otherwise. The sweeps view has
// no such warning: its points are solved to their end whatever the learning rate.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { TrainingView } from '../../src/components/views/TrainingView.tsx';
import { SweepsView } from '../../src/components/views/SweepsView.tsx';
import { parseHash } from '../../src/state/urlCodec.ts';
import { renderWithStore } from './renderWithStore.tsx';

// The time cursor at the end (t=200), past the step where IPO diverged: its table shows the last step before.
const DIVERGED = parseHash('#v=2&loss=sigmoid,ipo&opt=sgd&lr=10&t=200').state;
const FINE = parseHash('#v=2&loss=sigmoid,ipo').state;

/** The texts of the role="status" elements. */
const statuses = () => screen.queryAllByRole('status').map((el) => el.textContent ?? '');

describe('TrainingView when training diverged', () => {
  it.each([
    [
      'en' as const,
      'Training diverged: IPO at step 2. The learning rate 10 is too large for SGD with IPO',
      'Lower the learning rate or use Adam.',
      'IPO diverged at step 2, so its curves stop there',
      'IPO: what TRL would log at step 1, the last step before training diverged (at step 2)',
    ],
    [
      'zh' as const,
      '训练发散了：IPO 在第 2 步。对 IPO 而言，学习率 10 用于 SGD 过大',
      '请降低学习率或改用 Adam。',
      'IPO 在第 2 步发散，曲线在该步中断',
      'IPO：TRL 在第 1 步会记录的指标（训练在第 2 步发散，这是发散前的最后一步）',
    ],
  ])(
    'says so in %s: a status warning, the text alternative and the metrics caption',
    (lang, warning, advice, summary, caption) => {
      const { container } = renderWithStore(<TrainingView />, { ...DIVERGED, lang });
      const warnings = statuses().filter((t) => t.includes(warning));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(advice);
      const figure = container.querySelector('#view-training') as HTMLElement;
      const described = document.getElementById(figure.getAttribute('aria-describedby') ?? '');
      expect(described?.textContent).toContain(summary);
      expect(described?.textContent).not.toMatch(/ —|—[,.;，。；]/);
      expect(within(container).getByText(caption)).toBeTruthy();
    },
  );

  it.each(['en' as const, 'zh' as const])('says nothing of it when training did not diverge (%s)', (lang) => {
    const { container } = renderWithStore(<TrainingView />, { ...FINE, lang });
    expect(statuses().join('')).not.toMatch(/diverged|发散/);
    expect(container.querySelector('.divergence-warning')).toBeNull();
    const figure = container.querySelector('#view-training') as HTMLElement;
    const described = document.getElementById(figure.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toMatch(
      lang === 'en' ? /IPO moved π\(y_w\) from 0\.30 to/ : /IPO 使 π\(y_w\) 从 0\.30 变为/,
    );
    expect(container.textContent).not.toMatch(/diverged|发散/);
  });
});

describe('SweepsView when the toy’s own training diverges', () => {
  it('warns of nothing: sweep points are solved to convergence, whatever the learning rate', async () => {
    const s = parseHash('#v=2&loss=ipo,sppo_hard&opt=sgd&lr=10&steps=40').state;
    const { container } = renderWithStore(<SweepsView />, s);
    await screen.findAllByRole('status');
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).not.toMatch(/diverged|overflowed|learning rate 10/);
    expect(container.querySelector('.divergence-warning')).toBeNull();
  });
});
