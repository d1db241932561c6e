// One toy, one pair: the pair of the loss and gradient views, the readout and the plane is the toy's y_w, y_l
// at step 0 of its training; the lengths reach training; v=1 links with their own pair migrate with a notice.
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/state/appState.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { cloneState, parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { computePairCurves, currentMargin } from '../../src/derive/pairCurves.ts';
import { computeTrainingRuns } from '../../src/derive/toy.ts';
import { pairInputOf } from '../../src/derive/mathParams.ts';
import { pairValuesOf } from '../../src/derive/pairValues.ts';
import { planeOf } from '../../src/derive/plane.ts';
import { lossReadout } from '../../src/derive/readout.ts';
import { isKtoLoss, LOSS_IDS, pairLoss } from '../../src/math/index.ts';
import { EN_SHELL } from '../../src/i18n/en/shell.ts';
import { ZH_SHELL } from '../../src/i18n/zh/shell.ts';
import { setStartLogProb } from '../../src/components/controls/startEdit.ts';

const state = (patch: Partial<AppState>): AppState => applyPatch(cloneState(DEFAULT_STATE), patch);
const close = (a: number, b: number, tol = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(a), Math.abs(b)));

const STATES: [string, Partial<AppState>][] = [
  ['default', {}],
  ['started away from the reference', { startLogRatios: [1, -1, 0.5] }],
  ['long responses', { startLogRatios: [0.3, -0.2, 0], chosenLength: 3, rejectedLength: 7 }],
  ['shared features, K = 4', { responses: 4, features: 'shared', startLogRatios: [-1, 2, 0, 1] }],
];

describe('the loss view’s dot and the readout are the toy’s pair at step 0', () => {
  for (const [name, patch] of STATES)
    it(name, () => {
      const s = state({ ...patch, losses: [...LOSS_IDS], preferenceProb: 1, steps: 2 });
      const pair = pairInputOf(s);
      const curves = computePairCurves(s);
      const { runs } = computeTrainingRuns(s);
      for (const run of runs) {
        close(Math.log(run.probs[0][0]), pair.policyChosen, 1e-9);
        close(Math.log(run.probs[0][1]), pair.policyRejected, 1e-9);
        close(run.chosenLogRatio[0], pair.policyChosen - pair.refChosen, 1e-9);
        close(run.rejectedLogRatio[0], pair.policyRejected - pair.refRejected, 1e-9);
        close(currentMargin(s), run.chosenLogRatio[0] - run.rejectedLogRatio[0], 1e-9);
        // p = 1: the toy's objective at step 0 is this one pair's loss (KTO: the pair's two examples).
        const curve = curves.find((c) => c.id === run.id);
        if (!curve) throw new Error(run.id);
        if (!isKtoLoss(run.id)) {
          close(run.loss[0], curve.current.loss, 1e-9);
          const cell = lossReadout(run.id, s);
          if (!cell.ok) throw new Error(run.id);
        }
        close(curve.current.loss, pairValuesOf(run.id, s).loss, 1e-12);
      }
      const plane = planeOf('sigmoid', s, runs);
      close(plane.pairLogRatios.chosenLogRatio, runs[0].chosenLogRatio[0], 1e-9);
    });
});

describe('the toy’s lengths reach training', () => {
  it('IPO per token and summed differ when y_w and y_l have different lengths, agree at length 1', () => {
    const run = (patch: Partial<AppState>) => {
      const s = state({ losses: ['ipo'], steps: 20, startLogRatios: [0.5, -0.5, 0], ...patch });
      return computeTrainingRuns(s).runs[0];
    };
    const long = { chosenLength: 3, rejectedLength: 9 };
    const token = run({ ...long, ipoNormalization: 'token' });
    const sum = run({ ...long, ipoNormalization: 'sum' });
    expect(Math.abs(token.loss[0] - sum.loss[0])).toBeGreaterThan(1e-3);
    expect(Math.abs(token.probs[20][0] - sum.probs[20][0])).toBeGreaterThan(1e-6);
    const one = run({ ipoNormalization: 'token' });
    const oneSum = run({ ipoNormalization: 'sum' });
    close(one.loss[20], oneSum.loss[20], 1e-12);
  });

  it('sigmoid_norm trains differently from sigmoid once the lengths differ', () => {
    const s = state({ losses: ['sigmoid', 'sigmoid_norm'], steps: 10, chosenLength: 2, rejectedLength: 5 });
    const [dpo, norm] = computeTrainingRuns(s).runs;
    expect(Math.abs(dpo.probs[10][0] - norm.probs[10][0])).toBeGreaterThan(1e-6);
  });
});

describe('v=1 links with their own pair', () => {
  const OLD = { policyChosen: -11, policyRejected: -13, refChosen: -12, refRejected: -12 };

  it('keep the step-0 margin and loss, the lengths, and say what changed', () => {
    const { state: s, notices } = parseHash('#v=1&lw=-11&ll=-13&rw=-12&rl=-12&beta=0.5');
    expect(s.startLogRatios).toEqual([1, -1, 0]);
    expect([s.chosenLength, s.rejectedLength]).toEqual([10, 10]);
    expect(s.beta).toBe(0.5);
    close(currentMargin(s), 2, 1e-12);
    for (const id of ['sigmoid', 'ipo', 'hinge'] as const)
      close(
        pairValuesOf(id, s).loss,
        pairLoss(id, { ...OLD, chosenLength: 10, rejectedLength: 10 }, { beta: 0.5 }).loss,
        1e-12,
      );
    expect(notices).toEqual([{ kind: 'migrated', key: 'v', given: '1,-1', used: '2' }]);
    expect(EN_SHELL.notice(notices[0])).toContain('older version');
    expect(EN_SHELL.notice(notices[0])).toContain('ρw = 1, ρl = -1');
    expect(ZH_SHELL.notice(notices[0])).toContain('旧版本');
    // Written back as v=2.
    expect(stateToHash(s)).toMatch(/^#v=2&.*start=1,-1,0/);
  });

  it('keep given lengths; missing pair keys take v1’s defaults', () => {
    const { state: s, notices } = parseHash('#v=1&lw=-10&lenw=4&lenl=2');
    expect(s.startLogRatios).toEqual([2, -1, 0]);
    expect([s.chosenLength, s.rejectedLength]).toEqual([4, 2]);
    expect(notices.map((n) => n.kind)).toEqual(['migrated']);
  });

  it('open without a notice when they have no pair keys', () => {
    const { state: s, notices } = parseHash('#v=1&beta=0.5&k=4');
    expect(notices).toEqual([]);
    expect(s.startLogRatios).toEqual([0, 0, 0, 0]);
    expect(s.chosenLength).toBe(1);
  });
});

describe('editing a response’s starting log π_θ', () => {
  it('sets exactly that response and keeps the others’ proportions', () => {
    const s = state({ startLogRatios: [0.2, -0.4, 0.1] });
    const before = pairInputOf(s);
    const next = state({
      startLogRatios: setStartLogProb(
        s.refProbs,
        [before.policyChosen, before.policyRejected, 0].map((v, k) =>
          k === 2 ? Math.log(1 - Math.exp(before.policyChosen) - Math.exp(before.policyRejected)) : v,
        ),
        0,
        -2,
      ),
    });
    const after = pairInputOf(next);
    close(after.policyChosen, -2, 1e-5);
    close(after.refChosen, before.refChosen, 1e-15);
  });
});
