// The time cursor in the state and the link: `t=` is a whole step in 0 … steps; past the run's end it is
// clamped to it with a notice, junk is refused with a notice; a scenario opens at its end unless it says
// otherwise ('start' is about step 0); changing `steps` pulls the cursor back; it is never a "change" to a
// scenario, and it round-trips through a link.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { cloneState, parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { createAppStore } from '../../src/state/store.ts';
import { presetChanges } from '../../src/state/presetChanges.ts';
import { findPresetScenario, presetPatch } from '../../src/state/presets.ts';
import { TOY_SCENARIOS } from '../../src/math/index.ts';

describe('t in a link', () => {
  it('is 0 on a fresh page and is not written then', () => {
    expect(DEFAULT_STATE.t).toBe(0);
    expect(stateToHash(DEFAULT_STATE)).toBe('');
  });

  it('round-trips: written when not 0, read back exactly, no notice', () => {
    for (const t of [1, 57, DEFAULT_STATE.steps]) {
      const s = { ...cloneState(DEFAULT_STATE), t };
      const hash = stateToHash(s);
      expect(hash).toContain(`&t=${t}`);
      const back = parseHash(hash);
      expect(back.notices).toEqual([]);
      expect(back.state).toEqual(s);
    }
  });

  it('past the run’s end is clamped to steps, with one notice naming t', () => {
    const r = parseHash('#v=2&t=500');
    expect(r.state.t).toBe(DEFAULT_STATE.steps);
    expect(r.notices).toEqual([
      { kind: 'clamped', key: 't', given: '500', used: String(DEFAULT_STATE.steps) },
    ]);
    // Beyond the parameter's own range too: still one notice, with the run's end.
    const far = parseHash('#v=2&steps=50&t=99999');
    expect(far.state.t).toBe(50);
    expect(far.notices).toEqual([{ kind: 'clamped', key: 't', given: '99999', used: '50' }]);
    const neg = parseHash('#v=2&t=-4');
    expect(neg.state.t).toBe(0);
    expect(neg.notices).toEqual([{ kind: 'clamped', key: 't', given: '-4', used: '0' }]);
  });

  it('a malformed value gives a notice and keeps the link’s base step', () => {
    for (const bad of ['abc', '', '0x10', 'NaN', '1,2']) {
      const r = parseHash(`#v=2&t=${bad}`);
      expect(r.state.t, bad).toBe(0);
      expect(r.notices, bad).toEqual([{ kind: 'bad-value', key: 't', given: bad }]);
    }
    // On a scenario's link, the base is the scenario's step (its end).
    const noisy = parseHash('#v=2&preset=noisy&t=zz');
    expect(noisy.state.t).toBe(findPresetScenario('noisy')!.config.steps);
    expect(noisy.notices.map((n) => n.key)).toEqual(['t']);
  });

  it('a fractional step is rounded, and said so', () => {
    const r = parseHash('#v=2&t=12.6');
    expect(r.state.t).toBe(13);
    expect(r.notices).toEqual([{ kind: 'rounded', key: 't', given: '12.6', used: '13' }]);
  });

  it('a store fed a malformed t after a good link shows the notice in the store', () => {
    const store = createAppStore();
    store.getState().loadHash('#v=2&t=40');
    expect(store.getState().t).toBe(40);
    store.getState().loadHash('#v=2&t=forty');
    expect(store.getState().notices).toEqual([{ kind: 'bad-value', key: 't', given: 'forty' }]);
  });
});

describe('t in the state', () => {
  it('changing steps clamps t; a patch past the end is the end', () => {
    const s = applyPatch(DEFAULT_STATE, { t: 150 });
    expect(s.t).toBe(150);
    expect(applyPatch(s, { steps: 60 }).t).toBe(60);
    expect(applyPatch(s, { steps: 400 }).t).toBe(150);
    expect(applyPatch(s, { t: 10_000 }).t).toBe(DEFAULT_STATE.steps);
    expect(applyPatch(s, { t: 3.4 }).t).toBe(3);
    expect(applyPatch(s, { t: NaN }).t).toBe(150);
  });

  it('a scenario opens at its end unless it names a step; the start scenario shows step 0', () => {
    for (const sc of TOY_SCENARIOS) {
      const expected = sc.showStep ?? sc.config.steps;
      expect(presetPatch(sc).t, sc.id).toBe(expected);
      const store = createAppStore();
      store.getState().update({ t: 7 });
      store.getState().loadPreset(sc.id);
      expect(store.getState().t, sc.id).toBe(expected);
    }
    expect(findPresetScenario('start')!.showStep).toBe(0);
    expect(presetPatch(findPresetScenario('noisy')!).t).toBe(300);
  });

  it('a scenario’s own step is not written, and moving t is not a change from the scenario', () => {
    const store = createAppStore();
    store.getState().loadPreset('noisy');
    const s = store.getState();
    expect(stateToHash(s)).toBe('#v=2&preset=noisy');
    const moved = applyPatch(s, { t: 12 });
    expect(stateToHash(moved)).toBe('#v=2&t=12&preset=noisy');
    expect(parseHash(stateToHash(moved)).state.t).toBe(12);
    expect(presetChanges(moved)).toEqual([]);
    expect(presetChanges(applyPatch(s, { beta: 0.5 }))).toEqual(['beta']);
  });
});
