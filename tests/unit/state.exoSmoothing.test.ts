// EXO needs ε > 0 (TRL divides by log ε and raises at 0). One rule, one value: the link reader and every
// patch keep ε ≥ EXO_MIN_SMOOTHING while EXO is chosen (the link's notice says so), and the readout, the
// plots, the toy trainer and the TRL code all compute EXO with the same ε (fuzz finding, issue 8 item 5e).
import { describe, expect, it } from 'vitest';
import { EXO_MIN_SMOOTHING, pairLoss, smoothingFor } from '../../src/math/index.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import { parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { pairParamsOf, pairInputOf } from '../../src/derive/mathParams.ts';
import { toyConfigOf } from '../../src/derive/toy.ts';
import { trlCall } from '../../src/derive/trlConfig.ts';
import { lossReadout } from '../../src/derive/readout.ts';
import { EN_SHELL } from '../../src/i18n/en/shell.ts';

const MIN = EXO_MIN_SMOOTHING;

function state(patch: Partial<AppState>): AppState {
  return { ...DEFAULT_STATE, ...patch } as AppState;
}

describe('EXO’s smallest ε', () => {
  it('is one exported rule: 0.001, applied only to exo_pair', () => {
    expect(MIN).toBe(0.001);
    expect(smoothingFor('exo_pair', 0)).toBe(MIN);
    expect(smoothingFor('exo_pair', 0.0004)).toBe(MIN);
    expect(smoothingFor('exo_pair', 0.2)).toBe(0.2);
    expect(smoothingFor('cdpo', 0)).toBe(0);
    expect(smoothingFor('robust', 0)).toBe(0);
  });

  it('a link with EXO and eps=0 is read as ε = 0.001, and the notice says so', () => {
    for (const hash of ['#v=2&loss=exo_pair&eps=0', '#v=2&eps=0&loss=cdpo,exo_pair']) {
      const { state: s, notices } = parseHash(hash);
      expect(s.labelSmoothing).toBe(MIN);
      expect(notices).toEqual([{ kind: 'clamped', key: 'eps', given: '0', used: String(MIN) }]);
      expect(EN_SHELL.notice(notices[0])).toBe('“eps” = 0 is out of range; used 0.001.');
      // What is written back reads the same, with no notice.
      expect(parseHash(stateToHash(s))).toEqual({ state: s, notices: [] });
    }
    // eps=-1 is clamped once, to EXO's minimum rather than to 0.
    expect(parseHash('#v=2&loss=exo_pair&eps=-1').notices).toEqual([
      { kind: 'clamped', key: 'eps', given: '-1', used: String(MIN) },
    ]);
  });

  it('without EXO, eps=0 is a value like any other', () => {
    expect(parseHash('#v=2&loss=cdpo&eps=0')).toEqual({
      state: { ...DEFAULT_STATE, losses: ['cdpo'], labelSmoothing: 0 },
      notices: [],
    });
  });

  it('every patch keeps ε ≥ 0.001 while EXO is chosen', () => {
    const cdpo0 = applyPatch(DEFAULT_STATE, { losses: ['cdpo'], labelSmoothing: 0 });
    expect(cdpo0.labelSmoothing).toBe(0);
    expect(applyPatch(cdpo0, { losses: ['cdpo', 'exo_pair'] }).labelSmoothing).toBe(MIN);
    expect(applyPatch(DEFAULT_STATE, { losses: ['exo_pair'], labelSmoothing: 0 }).labelSmoothing).toBe(MIN);
    expect(applyPatch(DEFAULT_STATE, { losses: ['exo_pair'], labelSmoothing: 0.3 }).labelSmoothing).toBe(0.3);
  });

  it('readout, plots, toy trainer and TRL code use the same ε for EXO', () => {
    for (const eps of [0, 0.0005, MIN, 0.25]) {
      const s = state({ losses: ['exo_pair'], labelSmoothing: eps });
      const used = smoothingFor('exo_pair', eps);
      // Plots (loss, gradient, plane) and the toy trainer.
      expect(pairParamsOf('exo_pair', s).labelSmoothing).toBe(used);
      expect(toyConfigOf({ ...s }, 'exo_pair').loss.labelSmoothing).toBe(used);
      // The TRL code.
      const call = trlCall('exo_pair', s);
      expect(Number(new Map(call.args).get('label_smoothing'))).toBe(used);
      // The readout computes, with the same ε, rather than refusing.
      const r = lossReadout('exo_pair', s);
      expect(r.ok).toBe(true);
      if (r.ok)
        expect(r.cells.loss.value).toBe(
          pairLoss('exo_pair', pairInputOf(s), { beta: s.beta, labelSmoothing: used }).loss,
        );
    }
  });
});
