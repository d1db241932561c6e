// Issue 10, item 3: the sweeps view's captions say what each point is — where training ends, under a stated
// criterion — and how many points did not converge and why, in English and Chinese; nothing says the points
// come from a number of steps. The text alternatives say the same.
import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { SweepsView } from '../../src/components/views/SweepsView.tsx';
import { parseHash } from '../../src/state/urlCodec.ts';
import { CONVERGENCE_CRITERION } from '../../src/math/index.ts';
import { EN_FIGURES } from '../../src/i18n/en/figures.ts';
import { ZH_FIGURES } from '../../src/i18n/zh/figures.ts';
import { renderWithStore } from './renderWithStore.tsx';

const stateOf = (preset: string) => parseHash(`#v=1&preset=${preset}`).state;
const { gradientTolerance, stepTolerance } = CONVERGENCE_CRITERION;

/** The captions of the β sweep and the reference sweep, and the β sweep's text alternative. */
function texts(container: HTMLElement) {
  const captions = Array.from(container.querySelectorAll('figcaption.view-caption')).map(
    (c) => c.textContent ?? '',
  );
  const figure = container.querySelector('#view-sweeps') as HTMLElement | null;
  const summary = document.getElementById(figure?.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
  return { beta: captions[0] ?? '', ref: captions[1] ?? '', summary };
}

describe.each([
  [
    'en' as const,
    EN_FIGURES,
    'Each point is where training ends: the closed form where one exists, else trained (whatever the learning rate) until the gradient is below 1.0e-9',
    'Did not converge (drawn as open circles ○): DPO: all 40 points, no finite optimum: training runs on for ever',
    'Every point converged.',
  ],
  [
    'zh' as const,
    ZH_FIGURES,
    '每个点都是训练结束的位置：有闭式解时取闭式解，否则一直训练（与学习率无关），直到梯度小于 1.0e-9',
    '未收敛的点（画成空心圆 ○）：DPO：全部 40 个点没有有限的最优解：训练永不结束',
    '所有点都已收敛。',
  ],
])('the sweeps view’s captions (%s)', (lang, figures, criterion, unbounded, allConverged) => {
  it('state the criterion and name the points that did not converge, with why ("deterministic")', async () => {
    const { container } = renderWithStore(<SweepsView />, { ...stateOf('deterministic'), lang });
    await waitFor(() => expect(texts(container).beta).toContain(unbounded));
    const { beta, ref, summary } = texts(container);
    expect(beta).toContain(criterion);
    expect(beta).toContain(figures.sweep.criterion(gradientTolerance, stepTolerance));
    expect(ref).toContain(unbounded);
    // The text alternative says the same.
    expect(summary).toContain(figures.sweep.criterion(gradientTolerance, stepTolerance));
    expect(summary).toContain(unbounded);
    // No caption speaks of steps or of divergence with the learning rate.
    for (const t of [beta, ref]) expect(t).not.toMatch(/\bsteps?\b|步|diverged|发散/);
  });

  it('say every point converged for the "bradley-terry" scenario', async () => {
    const { container } = renderWithStore(<SweepsView />, { ...stateOf('bradley-terry'), lang });
    await waitFor(() => expect(texts(container).beta).toContain(allConverged));
    expect(texts(container).beta).toContain(criterion);
    expect(texts(container).ref).toContain(allConverged);
    expect(texts(container).beta).not.toContain(unbounded);
  });
});

describe('the sweeps of a compared run (vs=…)', () => {
  it('vs=p: the second run’s own sweeps, named in the caption and in the text alternative', async () => {
    const { container } = renderWithStore(<SweepsView />, {
      ...parseHash('#v=2&preset=noisy&vs=p:0.6').state,
      lang: 'en',
    });
    // The text alternative describes both runs once the second run's sweeps are in.
    await waitFor(() => expect(texts(container).summary).toContain('p = 0.6'));
    expect(texts(container).summary).toContain('p = 0.8');
    expect(texts(container).beta).toContain('p = 0.6');
  });

  it('vs=beta: the β sweep marks the compared β (the sweep itself does not depend on β)', async () => {
    const { container } = renderWithStore(<SweepsView />, {
      ...parseHash('#v=2&preset=beta-strength').state,
      lang: 'en',
    });
    await waitFor(() => expect(texts(container).beta).toContain('β = 1'));
  });
});
