// Every visible word of the controls and readout must come from the UiStrings table, so that a Chinese table
// covers them all. Rendered with a pseudo-locale that brackets each string ⟦…⟧, any text node with Latin
// letters and no bracket is hard-coded English — unless it sits in translate="no" (TRL names, formulas).
import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { EN_UI } from '../../src/i18n/ui.en.ts';
import type { UiStrings } from '../../src/i18n/uiStrings.ts';
import { UiStringsProvider } from '../../src/components/i18nContext.tsx';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { PairReadout } from '../../src/components/readout/PairReadout.tsx';
import { TrlMetricsTable } from '../../src/components/readout/TrlMetricsTable.tsx';
import { LOSS_IDS } from '../../src/math/index.ts';
import { renderWithStore } from './renderWithStore.tsx';

function bracket<T>(v: T): T {
  if (typeof v === 'string') return `⟦${v}⟧` as T;
  if (typeof v === 'function') return ((...args: unknown[]) => `⟦${String(v(...args))}⟧`) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bracket(x)])) as T;
  return v;
}

const PSEUDO: UiStrings = bracket(EN_UI);
const LATIN_WORD = /[A-Za-z]{2,}/;

function untranslated(root: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    if (!LATIN_WORD.test(text) || text.includes('⟦') || text.includes('⟧')) continue;
    if (n.parentElement?.closest('[translate="no"]')) continue;
    found.push(text);
  }
  for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]')) {
    for (const attr of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) {
      const v = el.getAttribute(attr);
      if (v && LATIN_WORD.test(v) && !v.includes('⟦')) found.push(`${attr}="${v}"`);
    }
  }
  return found;
}

describe('no hard-coded English', () => {
  it('in the controls, the readout and the metrics table, with every optional part showing', async () => {
    const presets = [{ id: 'a', title: '⟦A⟧', explanation: '⟦About A⟧' }];
    const { container, user, store } = renderWithStore(
      <UiStringsProvider strings={PSEUDO}>
        <ControlsPanel presets={presets} onLoadPreset={() => {}} />
        <PairReadout />
        <TrlMetricsTable metrics={{ loss: 0.5, 'rewards/accuracies': 1, 'logps/chosen': -3, kl: 0.1 }} />
      </UiStringsProvider>,
      { losses: [...LOSS_IDS], desirableWeight: 3, policyChosen: -30 },
    );
    // A refusal message, a popover and the KTO fixed-z0 note.
    await user.tripleClick(screen.getAllByRole('textbox')[0]);
    await user.paste('abc');
    act(() => store.getState().update({ z0Mode: 'fixed', z0: 1 }));
    act(() => screen.getAllByRole('button', { name: /\d/ })[0].focus());
    expect(screen.getByRole('alert').textContent).toContain('⟦');
    expect(untranslated(container)).toEqual([]);
  });

  it('in the refusal to untick the last loss (EXO alone, its ε at the minimum)', async () => {
    const { container, user } = renderWithStore(
      <UiStringsProvider strings={PSEUDO}>
        <ControlsPanel />
        <PairReadout />
      </UiStringsProvider>,
      { losses: ['exo_pair'], labelSmoothing: 0 },
    );
    await user.click(screen.getAllByRole('checkbox', { checked: true })[0]);
    expect(screen.getAllByRole('status').some((el) => el.textContent?.includes('⟦'))).toBe(true);
    expect(untranslated(container)).toEqual([]);
  });
});
