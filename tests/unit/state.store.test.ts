// The store's actions, and the presets: loading a scenario must make the app train exactly the scenario's
// own problem with its own config.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AppState } from '../../src/state/appState.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { createAppStore, pickAppState } from '../../src/state/store.ts';
import { parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { presetPatch } from '../../src/state/presets.ts';
import { PRESET_IDS } from '../../src/state/presetIds.ts';
import { toyConfigOf, toySpecOf } from '../../src/derive/toy.ts';
import {
  TOY_SCENARIOS,
  buildToyProblem,
  trainToyPolicy,
  type ToyScenario,
  type ToyTrainConfig,
} from '../../src/math/index.ts';
import { expectValidState, stateArb } from '../helpers/stateArbitraries.ts';

const VIEWER = { theme: 'projector', lang: 'zh', embed: 'plane', showControls: false } as const;

describe('store actions', () => {
  it('starts from the defaults with no notices', () => {
    const store = createAppStore();
    expect(pickAppState(store.getState())).toEqual(DEFAULT_STATE);
    expect(store.getState().notices).toEqual([]);
  });

  it('update validates the patch and keeps untouched arrays', () => {
    const store = createAppStore();
    const before = store.getState();
    store.getState().update({ beta: 100, steps: 10.4, theme: 'dark' });
    const s = store.getState();
    expect(s.beta).toBe(10);
    expect(s.steps).toBe(10);
    expect(s.theme).toBe('dark');
    expect(s.losses).toBe(before.losses);
    expect(s.refProbs).toBe(before.refProbs);
    expect(s.rewards).toBe(before.rewards);
    store.getState().update({ responses: 5 });
    expect(store.getState().refProbs).toHaveLength(5);
    expect(store.getState().rewards).toHaveLength(5);
    expectValidState(pickAppState(store.getState()));
  });

  it('update keeps the state valid whatever it is given', () => {
    const store = createAppStore();
    fc.assert(
      fc.property(
        stateArb,
        fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_STATE)), fc.anything()),
        (s, junk) => {
          store.getState().update(s);
          expect(pickAppState(store.getState())).toEqual(s);
          store.getState().update(junk as Partial<AppState>);
          expectValidState(pickAppState(store.getState()));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('loadHash replaces the whole state and lists the notices; dismissNotices clears them', () => {
    const store = createAppStore();
    store.getState().update({ steps: 77 });
    store.getState().loadHash('#v=2&beta=100&loss=foo,ipo');
    const s = store.getState();
    expect(s.steps).toBe(DEFAULT_STATE.steps);
    expect(s.beta).toBe(10);
    expect(s.losses).toEqual(['ipo']);
    expect(s.notices.map((n) => n.key)).toEqual(['beta', 'loss']);
    s.dismissNotices();
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().beta).toBe(10);
  });

  it('loadHash of a written state gives that state back', () => {
    const store = createAppStore();
    fc.assert(
      fc.property(stateArb, (s) => {
        store.getState().loadHash(stateToHash(s));
        expect(pickAppState(store.getState())).toEqual(s);
        expect(store.getState().notices).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reset goes back to the defaults but keeps theme, language, embedding and controls', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const store = createAppStore();
        store.getState().update(s);
        store.getState().reset();
        expect(pickAppState(store.getState())).toEqual({
          ...DEFAULT_STATE,
          theme: s.theme,
          lang: s.lang,
          embed: s.embed,
          showControls: s.showControls,
          showExplanation: s.showExplanation,
        });
      }),
      { numRuns: 100 },
    );
  });

  it('an unknown preset id changes nothing', () => {
    const store = createAppStore();
    store.getState().update({ beta: 0.3, preset: 'noisy' });
    const before = store.getState();
    for (const id of ['', 'nope', '__proto__', 'constructor', 'toString', 'START']) {
      store.getState().loadPreset(id);
      expect(store.getState()).toBe(before);
    }
  });

  it('every scenario is a preset id (the ids the menu lists)', () => {
    expect([...PRESET_IDS]).toEqual(TOY_SCENARIOS.map((s) => s.id));
  });
});

/** The scenario's own config with another of its losses. */
function scenarioConfig(sc: ToyScenario, id: ToyScenario['displayLosses'][number]): ToyTrainConfig {
  return { ...sc.config, loss: { ...sc.config.loss, type: id } };
}

function maxDiff(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  a.forEach((row, t) => {
    expect(row.length).toBe(b[t].length);
    row.forEach((v, k) => (d = Math.max(d, Math.abs(v - b[t][k]))));
  });
  return d;
}

describe.each(TOY_SCENARIOS.map((sc) => [sc.id, sc] as const))('loadPreset(%s)', (id, sc) => {
  const store = createAppStore();
  store.getState().update({ ...VIEWER, beta: 3, steps: 5, responses: 6, dataset: 'thumbs-down' });
  store.getState().loadPreset(id);
  const state = pickAppState(store.getState());

  it('keeps the viewer settings and gives a valid state that a link reproduces', () => {
    expect(state).toMatchObject(VIEWER);
    expect(state.preset).toBe(id);
    expect(state.losses).toEqual(sc.displayLosses);
    expectValidState(state);
    const back = parseHash(stateToHash(state));
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(state);
  });

  it("describes the scenario's spec and config", () => {
    const spec = toySpecOf(state);
    expect(spec.features).toBe(sc.spec.features);
    if (sc.spec.features === 'shared') expect(spec.similarity).toBe(sc.spec.similarity);
    expect(spec.dataset).toEqual(sc.spec.dataset);
    expect(spec.refLogits).toHaveLength(sc.spec.refLogits.length);
    // log softmax(ℓ) = ℓ − logsumexp(ℓ): the same logits up to one constant.
    const shift = spec.refLogits[0] - sc.spec.refLogits[0];
    spec.refLogits.forEach((l, k) => expect(Math.abs(l - sc.spec.refLogits[k] - shift)).toBeLessThan(1e-12));

    const config = toyConfigOf(state, sc.config.loss.type);
    expect(config.optimizer).toBe(sc.config.optimizer);
    expect(config.learningRate).toBe(sc.config.learningRate);
    expect(config.steps).toBe(sc.config.steps);
    for (const [k, v] of Object.entries(sc.config.loss)) expect(config.loss, k).toHaveProperty(k, v);
  });

  it("trains every display loss to the scenario's own probabilities within 1e-9", () => {
    const problem = buildToyProblem(toySpecOf(state));
    let trained = 0;
    for (const lossId of sc.displayLosses) {
      let expected: number[][];
      try {
        expected = trainToyPolicy(sc.problem, scenarioConfig(sc, lossId)).probs;
      } catch {
        // The trainer refuses this loss on this data (a pair loss on thumbs-down): so must the app's.
        expect(() => trainToyPolicy(problem, toyConfigOf(state, lossId))).toThrow();
        continue;
      }
      const got = trainToyPolicy(problem, toyConfigOf(state, lossId)).probs;
      expect(got).toHaveLength(sc.config.steps + 1);
      expect(maxDiff(got, expected), lossId).toBeLessThanOrEqual(1e-9);
      trained++;
    }
    expect(trained).toBeGreaterThan(0);
  });

  it('is the same as applying presetPatch to the defaults', () => {
    const fresh = createAppStore();
    fresh.getState().update(presetPatch(sc));
    expect(pickAppState(fresh.getState())).toEqual({
      ...state,
      theme: DEFAULT_STATE.theme,
      lang: DEFAULT_STATE.lang,
      embed: DEFAULT_STATE.embed,
      showControls: DEFAULT_STATE.showControls,
      showExplanation: DEFAULT_STATE.showExplanation,
    });
  });
});
