// Issue 9's bug: `#beta=0.123456` was stored unrounded, so the box showed 0.123 while the plots and the TRL
// snippet used 0.123456. Each parameter now has one rounding (its entry in the parameter list), applied when
// a link is read and when a control or any patch sets it: the store holds exactly what the box shows.
import { describe, expect, it } from 'vitest';
import { parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { createAppStore } from '../../src/state/store.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';

describe('one rounding per parameter, for links and patches alike', () => {
  it('#beta=0.123456 is stored as 0.123 (three significant digits), and says so', () => {
    const { state, notices } = parseHash('#v=2&beta=0.123456');
    expect(state.beta).toBe(0.123);
    expect(notices).toEqual([{ kind: 'precision', key: 'beta', given: '0.123456', used: '0.123' }]);
    expect(stateToHash(state)).toBe('#v=2&beta=0.123');
  });

  it('a store loading that link holds 0.123, as does a patch of 0.123456', () => {
    const store = createAppStore();
    store.getState().loadHash('#v=2&beta=0.123456');
    expect(store.getState().beta).toBe(0.123);
    store.getState().update({ beta: 0.45678 });
    expect(store.getState().beta).toBe(0.457);
    expect(applyPatch(DEFAULT_STATE, { beta: 0.123456 }).beta).toBe(0.123);
  });

  it('the learning rate and τ keep three significant digits, the ranking rewards two decimals', () => {
    const { state } = parseHash('#v=2&lr=0.012345&tau=0.12345&rewards=1.234,0,-1');
    expect(state.learningRate).toBe(0.0123);
    expect(state.discopopTau).toBe(0.123);
    expect(state.rewards).toEqual([1.23, 0, -1]);
    const patched = applyPatch(DEFAULT_STATE, { learningRate: 0.012345, rewards: [1.234, 0, -1] });
    expect(patched.learningRate).toBe(0.0123);
    expect(patched.rewards).toEqual([1.23, 0, -1]);
  });

  it('a value already as the parameter keeps it is read without a notice', () => {
    expect(parseHash('#v=2&beta=0.123&start=-12.3457,0,0').notices).toEqual([]);
  });
});
