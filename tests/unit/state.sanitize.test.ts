// applyPatch: every change to the store goes through it, so it must clamp, round, refuse junk, keep K and the
// lists consistent, and leave untouched arrays as the same objects (selectors compare them by identity).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AppState } from '../../src/state/appState.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { roundTo } from '../../src/state/paramRules.ts';
import { cloneState } from '../../src/state/urlCodec.ts';
import { smoothingFor } from '../../src/math/index.ts';
import { LOSS_IDS, type LossId } from '../../src/math/index.ts';
import { lessonStepCount } from '../../src/state/lessons/loaded.ts';
import {
  NUMBER_PARAMS,
  PROB_PARAM,
  REWARD_PARAM,
  expectValidState,
  refProbsArb,
  stateArb,
} from '../helpers/stateArbitraries.ts';

const RUNS = 300;
const base = (): AppState => cloneState(DEFAULT_STATE);
/** A patch as an untyped caller (a slider event, a worker message) might send it. */
const loose = (p: Record<string, unknown>) => p as Partial<AppState>;

describe('applyPatch', () => {
  it('clamps every number to its range and rounds it by its rule', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.constantFrom(...NUMBER_PARAMS),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (s, p, v) => {
          const next = applyPatch(s, { [p.field]: v });
          // (+0 for −0, as a link would give.)
          const clamped = roundTo(p.round, Math.min(p.max, Math.max(p.min, v))) || 0;
          // EXO's ε has its own minimum while EXO is chosen or a term of the loss list.
          const exo =
            p.field === 'labelSmoothing' &&
            [...s.losses, ...s.extraTerms.map((t) => t.type)].includes('exo_pair');
          // The time cursor is at most the run's steps.
          const expected = exo
            ? smoothingFor('exo_pair', clamped)
            : p.field === 't'
              ? Math.min(clamped, s.steps)
              : // A lesson's step is one it has; without a lesson it is 1.
                p.field === 'lessonStep'
                ? s.lesson
                  ? Math.min(clamped, lessonStepCount(s.lesson))
                  : 1
                : clamped;
          expect(next[p.field]).toBe(expected);
          expectValidState(next);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ignores non-finite numbers, strings and other junk', () => {
    for (const junk of [NaN, Infinity, -Infinity, '0.5', null, true, {}, [1]]) {
      for (const p of NUMBER_PARAMS) {
        const s = base();
        expect(applyPatch(s, loose({ [p.field]: junk }))[p.field]).toBe(s[p.field]);
      }
      const s = base();
      const next = applyPatch(s, loose({ z0: junk, z0Mode: junk, theme: junk, showControls: junk }));
      expect(next).toEqual(s);
    }
  });

  it('takes enums only from their choices and booleans only as booleans', () => {
    const s = base();
    expect(applyPatch(s, { theme: 'dark' }).theme).toBe('dark');
    expect(applyPatch(s, loose({ theme: 'neon' })).theme).toBe(s.theme);
    expect(applyPatch(s, loose({ dataset: 'ranking' })).dataset).toBe('ranking');
    expect(applyPatch(s, loose({ dataset: 'pairs' })).dataset).toBe(s.dataset);
    expect(applyPatch(s, loose({ embed: '<script>' })).embed).toBe('');
    expect(applyPatch(s, loose({ preset: 'nope' })).preset).toBe('');
    expect(applyPatch(s, { showControls: false }).showControls).toBe(false);
    expect(applyPatch(s, loose({ showControls: 0 })).showControls).toBe(true);
  });

  it('refuses unknown losses, drops repeats, and keeps the old list when nothing is left', () => {
    const s = base();
    expect(applyPatch(s, loose({ losses: ['foo', 'ipo', 'ipo', 'sigmoid'] })).losses).toEqual([
      'ipo',
      'sigmoid',
    ]);
    expect(applyPatch(s, loose({ losses: ['foo'] })).losses).toBe(s.losses);
    expect(applyPatch(s, { losses: [] }).losses).toBe(s.losses);
    expect(applyPatch(s, loose({ losses: '__proto__' })).losses).toBe(s.losses);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...LOSS_IDS), fc.string()), { maxLength: 20 }), (ids) => {
        const next = applyPatch(s, loose({ losses: ids }));
        const known = ids.filter((id): id is LossId => (LOSS_IDS as readonly string[]).includes(id));
        expect(next.losses).toEqual(known.length > 0 ? [...new Set(known)] : s.losses);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps arrays it was not asked to change as the same objects', () => {
    fc.assert(
      fc.property(stateArb, fc.double({ min: 0.001, max: 10, noNaN: true }), (s, beta) => {
        const next = applyPatch(s, { beta, theme: 'dark' });
        expect(next.losses).toBe(s.losses);
        expect(next.refProbs).toBe(s.refProbs);
        expect(next.rewards).toBe(s.rewards);
        // The same K is no change either.
        const same = applyPatch(s, { responses: s.responses });
        expect(same.refProbs).toBe(s.refProbs);
        expect(same.rewards).toBe(s.rewards);
      }),
      { numRuns: RUNS },
    );
  });

  it('never mutates the base state', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (s, patch) => {
        const before = JSON.stringify(s);
        applyPatch(s, patch);
        applyPatch(s, { responses: 6, refProbs: [1, 2], rewards: [9] });
        expect(JSON.stringify(s)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('a valid state applied to anything gives that state', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        expect(applyPatch(a, b)).toEqual(b);
        expect(applyPatch(b, b)).toEqual(b);
      }),
      { numRuns: RUNS },
    );
  });

  it('resizes refProbs and rewards when K changes', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: -3, max: 12 }), (s, k) => {
        const next = applyPatch(s, { responses: k });
        const K = Math.min(6, Math.max(2, k));
        expect(next.responses).toBe(K);
        expect(next.refProbs).toHaveLength(K);
        expect(next.rewards).toHaveLength(K);
        // Kept rewards stay, new ones are 0.
        for (let i = 0; i < K; i++) expect(next.rewards[i]).toBe(i < s.rewards.length ? s.rewards[i] : 0);
        // Kept references keep their ratios, except where one had to be raised to the minimum.
        const kept = Math.min(K, s.responses);
        const free = Array.from({ length: kept }, (_, i) => i).filter(
          (i) => next.refProbs[i] > PROB_PARAM.min,
        );
        for (const i of free) {
          const was = s.refProbs[i] / s.refProbs[free[0]];
          expect(Math.abs(next.refProbs[i] / next.refProbs[free[0]] - was)).toBeLessThanOrEqual(1e-9 * was);
        }
        expectValidState(next);
      }),
      { numRuns: RUNS },
    );
  });

  it('a refProbs patch of another length sets K; with K in the same patch, K wins', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.integer({ min: 2, max: 6 }).chain((k) => refProbsArb(k)),
        (s, probs) => {
          const next = applyPatch(s, { refProbs: probs });
          expect(next.responses).toBe(probs.length);
          expect(next.refProbs).toEqual(probs);
          expect(next.rewards).toHaveLength(probs.length);
          const both = applyPatch(s, { refProbs: probs, responses: 4 });
          expect(both.responses).toBe(4);
          expect(both.refProbs).toHaveLength(4);
          expectValidState(next);
          expectValidState(both);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('normalises refProbs, floors them at the minimum, and refuses unusable lists', () => {
    const s = base();
    expect(applyPatch(s, { refProbs: [1, 1, 2] }).refProbs).toEqual([0.25, 0.25, 0.5]);
    const lopsided = applyPatch(s, { refProbs: [1000, 0, 1e-9] }).refProbs;
    expect(Math.min(...lopsided)).toBeGreaterThanOrEqual(PROB_PARAM.min);
    expect(lopsided.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const huge = applyPatch(s, { refProbs: [1e308, 1e308, 1e308] }).refProbs;
    for (const q of huge) expect(q).toBeCloseTo(1 / 3, 12);
    for (const bad of [[0.5, NaN, 0.5], [0.5, -0.1, 0.6], [1], [], [0.5, Infinity]])
      expect(applyPatch(s, { refProbs: bad }).refProbs).toBe(s.refProbs);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e300, noNaN: true }), { minLength: 2, maxLength: 6 }),
        (v) => {
          expectValidState(applyPatch(s, { refProbs: v }));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('clamps rewards to their range, refuses non-finite ones, and fits them to K', () => {
    const s = base();
    expect(applyPatch(s, { rewards: [9, -9, 0.5] }).rewards).toEqual([
      REWARD_PARAM.max,
      REWARD_PARAM.min,
      0.5,
    ]);
    expect(applyPatch(s, { rewards: [1] }).rewards).toEqual([1, 0, 0]);
    expect(applyPatch(s, { rewards: [1, 2, 3, 4, 5] }).rewards).toEqual([1, 2, 3]);
    expect(applyPatch(s, { rewards: [1, NaN, 2] }).rewards).toBe(s.rewards);
    expect(applyPatch(s, { rewards: [] }).rewards).toBe(s.rewards);
  });

  it('switches the dataset, as the presets and the data buttons do', () => {
    for (const dataset of ['pair', 'ranking', 'thumbs-down'] as const)
      expect(applyPatch(base(), { dataset }).dataset).toBe(dataset);
  });

  it('stores −0 as 0, as a link does', () => {
    const next = applyPatch(base(), {
      startLogRatios: [-0, 0, 1],
      labelSmoothing: -0,
      z0: -0,
      rewards: [-0, 1, 2],
      steps: 1,
    });
    expect(Object.is(next.startLogRatios[0], 0)).toBe(true);
    expect(Object.is(next.labelSmoothing, 0)).toBe(true);
    expect(Object.is(next.z0, 0)).toBe(true);
    expect(Object.is(next.rewards[0], 0)).toBe(true);
    expect(Object.is(applyPatch(base(), { preferenceProb: -1e-300 }).preferenceProb, 0)).toBe(true);
  });

  it('sets z0 mode and value independently, clamping the value', () => {
    const s = base();
    expect(applyPatch(s, { z0Mode: 'fixed', z0: 3 })).toMatchObject({ z0Mode: 'fixed', z0: 3 });
    expect(applyPatch(s, { z0Mode: 'fixed', z0: 500 }).z0).toBe(50);
    expect(applyPatch(s, { z0: -1 }).z0).toBe(0);
    expect(applyPatch(s, { z0Mode: 'batch' })).toMatchObject({ z0Mode: 'batch', z0: 0 });
  });
});
