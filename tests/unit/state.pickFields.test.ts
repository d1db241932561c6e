// The one field-pick helper and the one memo helper.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { memoByFields, pickFields, sameFields } from '../../src/state/pickFields.ts';
import { cloneState } from '../../src/state/urlCodec.ts';

const KEYS = ['beta', 'losses'] as const;

describe('pickFields', () => {
  it('takes exactly the listed fields, typed by the list', () => {
    const picked = pickFields(DEFAULT_STATE, KEYS);
    expect(picked).toEqual({ beta: DEFAULT_STATE.beta, losses: DEFAULT_STATE.losses });
    // @ts-expect-error steps is not in the list
    expect(picked.steps).toBeUndefined();
  });

  it('compares fields shallowly: arrays entry by entry', () => {
    const a = cloneState(DEFAULT_STATE);
    expect(sameFields(a, cloneState(DEFAULT_STATE), KEYS)).toBe(true);
    expect(sameFields(a, { ...a, losses: ['ipo'] }, KEYS)).toBe(false);
    expect(sameFields(a, { ...a, steps: 1 }, KEYS)).toBe(true);
  });
});

describe('memoByFields', () => {
  it('recomputes only when a listed field changes, and computes from those fields alone', () => {
    let calls = 0;
    const memo = memoByFields(KEYS, (f) => {
      calls++;
      return `${f.beta}:${f.losses.join()}`;
    });
    const s = cloneState(DEFAULT_STATE);
    expect(memo(s)).toBe('0.1:sigmoid,ipo,kto');
    const copy = { ...s, steps: 5, losses: [...s.losses] };
    expect(memo(copy)).toBe('0.1:sigmoid,ipo,kto');
    expect(calls).toBe(1);
    expect(memo({ ...s, beta: 0.2 })).toBe('0.2:sigmoid,ipo,kto');
    expect(calls).toBe(2);
  });

  it('does not compile when the computation reads a field the list leaves out', () => {
    // @ts-expect-error steps is not among the keys
    const memo = memoByFields(KEYS, (f: { beta: number; steps: number }) => f.beta + f.steps);
    expect(typeof memo).toBe('function');
  });
});
