// The gate a part of the page reads the state through (src/components/gatedStore.ts, storeContext.tsx
// OffScreenGate): open, it passes every change on; held (a drag, with the part off screen), it keeps the state
// it last passed on and notifies nobody; opened again, it passes on the newest state once.
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { createStore } from 'zustand/vanilla';
import { gatedStore } from '../../src/components/gatedStore.ts';
import { OffScreenGate, StoreProvider, useViewStore } from '../../src/components/storeContext.tsx';
import { createAppStore } from '../../src/state/store.ts';

describe('gatedStore', () => {
  it('passes changes on while open', () => {
    const source = createStore(() => ({ beta: 0.1 }));
    const gate = gatedStore(source);
    const seen: [number, number][] = [];
    gate.store.subscribe((s, p) => seen.push([s.beta, p.beta]));
    source.setState({ beta: 0.2 });
    expect(gate.store.getState()).toBe(source.getState());
    expect(seen).toEqual([[0.2, 0.1]]);
  });

  it('holds the last state passed on, silently, then passes the newest on once when opened', () => {
    const source = createStore(() => ({ beta: 0.1 }));
    const gate = gatedStore(source);
    const seen: [number, number][] = [];
    gate.store.subscribe((s, p) => seen.push([s.beta, p.beta]));
    gate.hold(true);
    const held = gate.store.getState();
    for (const beta of [0.2, 0.3, 0.4]) source.setState({ beta });
    expect(gate.store.getState()).toBe(held);
    expect(seen).toEqual([]);
    gate.hold(false);
    expect(gate.store.getState()).toBe(source.getState());
    expect(seen).toEqual([[0.4, 0.1]]);
    // Opening again with nothing new says nothing.
    gate.hold(true);
    gate.hold(false);
    expect(seen).toHaveLength(1);
  });

  it('says nothing on opening when the state did not change while held', () => {
    const source = createStore(() => ({ beta: 0.1 }));
    const gate = gatedStore(source);
    let calls = 0;
    gate.store.subscribe(() => calls++);
    gate.hold(true);
    gate.hold(false);
    expect(calls).toBe(0);
  });

  it('is read-only', () => {
    const gate = gatedStore(createStore(() => ({ beta: 0.1 })));
    expect(() => gate.store.setState({ beta: 1 })).toThrow(/read-only/);
  });

  it('stops following its source when the last reader leaves', () => {
    const source = createStore(() => ({ beta: 0.1 }));
    const gate = gatedStore(source);
    let calls = 0;
    const leave = gate.store.subscribe(() => calls++);
    leave();
    source.setState({ beta: 0.2 });
    expect(calls).toBe(0);
    // A reader reads straight through.
    expect(gate.store.getState().beta).toBe(0.2);
  });
});

function Beta() {
  return <p data-testid="beta">{useViewStore((s) => s.beta)}</p>;
}

describe('OffScreenGate', () => {
  it('follows the store at rest (no drag): a part inside shows every change', () => {
    const store = createAppStore();
    render(
      <StoreProvider store={store}>
        <OffScreenGate>
          <Beta />
        </OffScreenGate>
      </StoreProvider>,
    );
    act(() => store.getState().update({ beta: 0.5 }));
    expect(screen.getByTestId('beta').textContent).toBe('0.5');
  });
});
