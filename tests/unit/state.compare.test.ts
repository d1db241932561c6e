// The compared run's choice (vs=<key>:<value>): read by the same parameter list as the setting it changes,
// written back exactly, and every bad or pointless value said in a notice with the last good state kept.
import { describe, expect, it } from 'vitest';
import { fitCompare, sameAsMain } from '../../src/state/compareChoice.ts';
import { parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { createAppStore } from '../../src/state/store.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { PARAM_TABLE } from '../../src/state/urlParams.ts';

describe('fitCompare', () => {
  it('takes each setting by its own rule and writes it canonically', () => {
    expect(fitCompare('beta:1')?.text).toBe('beta:1');
    expect(fitCompare('lr:0.1')?.text).toBe('lr:0.1');
    expect(fitCompare('loss:IPO')?.text).toBe('loss:ipo');
    expect(fitCompare('p:0.6')?.text).toBe('p:0.6');
    expect(fitCompare('features:shared')?.text).toBe('features:shared');
    expect(fitCompare('optimizer:sgd')?.text).toBe('optimizer:sgd');
    expect(fitCompare('ref:0.4,0.3,0.2,0.1')?.choice).toEqual({ key: 'ref', value: [0.4, 0.3, 0.2, 0.1] });
    // The setting's URL key names it too.
    expect(fitCompare('feat:shared')?.text).toBe('features:shared');
    expect(fitCompare('opt:adam')?.text).toBe('optimizer:adam');
  });

  it('clamps and rounds as the main setting does', () => {
    const beta = PARAM_TABLE.beta;
    const high = fitCompare(`beta:${beta.max * 10}`);
    expect(high).toMatchObject({ text: `beta:${beta.max}`, clamped: true });
    expect(fitCompare('beta:0.123456')).toMatchObject({ text: 'beta:0.123', rounded: true, clamped: false });
    expect(fitCompare('p:1.5')).toMatchObject({ text: 'p:1', clamped: true });
    // Normalised like ref=: 2 and 2 are one half each.
    expect(fitCompare('ref:2,2')?.choice).toEqual({ key: 'ref', value: [0.5, 0.5] });
  });

  it('refuses what is not a key and a value the setting takes', () => {
    for (const bad of [
      '',
      'beta',
      'beta:',
      ':1',
      'gamma:1',
      'beta:abc',
      'beta:0x10',
      'loss:nope',
      'loss:sigmoid,ipo',
      'features:round',
      'optimizer:rmsprop',
      'ref:0.5',
      'ref:a,b',
      'ref:-1,2',
    ])
      expect(fitCompare(bad), bad).toBeNull();
  });

  it('knows when the value is the main run’s (for a loss: the first loss shown)', () => {
    const s = { ...DEFAULT_STATE };
    expect(sameAsMain(fitCompare(`beta:${s.beta}`)!.choice, s)).toBe(true);
    expect(sameAsMain(fitCompare('beta:1')!.choice, s)).toBe(false);
    expect(sameAsMain(fitCompare(`loss:${s.losses[0]}`)!.choice, s)).toBe(true);
    expect(sameAsMain(fitCompare(`loss:${s.losses[1]}`)!.choice, s)).toBe(false);
    expect(sameAsMain(fitCompare(`ref:${s.refProbs.join(',')}`)!.choice, s)).toBe(true);
    expect(sameAsMain(fitCompare(`optimizer:${s.optimizer}`)!.choice, s)).toBe(true);
  });
});

describe('vs= in a link', () => {
  const examples = [
    'beta:1',
    'lr:0.1',
    'loss:ipo',
    'p:0.6',
    'features:shared',
    'optimizer:sgd',
    'ref:0.4,0.35,0.25',
  ];

  it.each(examples)('vs=%s round-trips with no notice', (text) => {
    const { state, notices } = parseHash(`#v=2&vs=${text}`);
    expect(notices).toEqual([]);
    expect(state.compare).toBe(text);
    expect(stateToHash(state)).toBe(`#v=2&vs=${text}`);
    expect(parseHash(stateToHash(state)).state).toEqual(state);
  });

  it('a malformed value is refused with a notice, the rest of the link kept', () => {
    for (const raw of ['beta:abc', 'nope:1', 'beta', 'loss:xyz']) {
      const { state, notices } = parseHash(`#v=2&beta=0.3&vs=${raw}`);
      expect(state.compare).toBe('');
      expect(state.beta).toBe(0.3);
      expect(notices).toEqual([{ kind: 'bad-value', key: 'vs', given: raw }]);
    }
  });

  it('a value out of range is clamped and said so', () => {
    const { state, notices } = parseHash('#v=2&vs=lr:100');
    expect(state.compare).toBe(`lr:${PARAM_TABLE.learningRate.max}`);
    expect(notices).toEqual([
      { kind: 'clamped', key: 'vs', given: 'lr:100', used: `lr:${PARAM_TABLE.learningRate.max}` },
    ]);
  });

  it('a value equal to the main one compares nothing: dropped with a notice, wherever β is in the link', () => {
    for (const hash of ['#v=2&beta=0.5&vs=beta:0.5', '#v=2&vs=beta:0.5&beta=0.5', '#v=2&vs=loss:sigmoid']) {
      const { state, notices } = parseHash(hash);
      expect(state.compare).toBe('');
      expect(notices.map((n) => n.kind)).toEqual(['same-as-main']);
    }
  });

  it('a reference list of another length than K is fitted to K and said so', () => {
    const { state, notices } = parseHash('#v=2&vs=ref:0.4,0.3,0.2,0.1');
    expect(state.responses).toBe(3);
    const values = state.compare.slice('ref:'.length).split(',').map(Number);
    expect(values).toHaveLength(3);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(notices.map((n) => [n.kind, n.key])).toEqual([['adjusted', 'vs']]);
    // With K = 4 in the link the list is taken as it is.
    expect(parseHash('#v=2&k=4&vs=ref:0.4,0.3,0.2,0.1').state.compare).toBe('ref:0.4,0.3,0.2,0.1');
  });

  it('the β scenario loads with vs=beta:1, and a link can drop it', () => {
    const store = createAppStore();
    store.getState().loadPreset('beta-strength');
    expect(store.getState().compare).toBe('beta:1');
    expect(parseHash('#v=2&preset=beta-strength').state.compare).toBe('beta:1');
    const dropped = applyPatch(parseHash('#v=2&preset=beta-strength').state, { compare: '' });
    expect(stateToHash(dropped)).toBe('#v=2&vs=&preset=beta-strength');
    expect(parseHash(stateToHash(dropped))).toEqual({ state: dropped, notices: [] });
  });
});

describe('the store', () => {
  it('keeps the last good choice when a patch is malformed, and clears on ""', () => {
    const store = createAppStore();
    store.getState().update({ compare: 'beta:1' });
    store.getState().update({ compare: 'beta:oops' as never });
    expect(store.getState().compare).toBe('beta:1');
    store.getState().update({ compare: '' });
    expect(store.getState().compare).toBe('');
  });

  it('refits a compared reference when K changes', () => {
    const store = createAppStore();
    store.getState().update({ compare: 'ref:0.5,0.3,0.2' });
    store.getState().update({ responses: 4 });
    const values = store.getState().compare.slice('ref:'.length).split(',').map(Number);
    expect(values).toHaveLength(4);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
