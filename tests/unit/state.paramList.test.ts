// The parameter list (src/state/urlParams.ts) is the whole truth about each field of the state: one entry
// per field, and ranges, roundings and defaults that agree with each other.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { BETA_RANGE } from '../../src/math/index.ts';
import { PARAM_TABLE, PARAMS, URL_PARAMS, numberParam, type ParamTable } from '../../src/state/urlParams.ts';
import { roundTo } from '../../src/state/paramRules.ts';
import { numberRange } from '../../src/components/controls/paramRange.ts';

describe('the parameter list', () => {
  it('has exactly one entry per field of the state, and each URL key once', () => {
    expect(PARAMS.map((p) => p.field).sort()).toEqual(Object.keys(DEFAULT_STATE).sort());
    const keys = URL_PARAMS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not compile without an entry for every field', () => {
    const { beta: _beta, ...withoutBeta } = PARAM_TABLE;
    // @ts-expect-error beta has no entry
    const table: ParamTable = withoutBeta;
    expect(Object.keys(table)).not.toContain('beta');
  });

  it('puts the ends of every range and every default on the rounding grid', () => {
    for (const p of PARAMS) {
      if (p.kind !== 'number' && p.kind !== 'rewardList') continue;
      expect(roundTo(p.round, p.min), `${p.field} min`).toBe(p.min);
      expect(roundTo(p.round, p.max), `${p.field} max`).toBe(p.max);
      expect(p.min).toBeLessThan(p.max);
      if (p.kind === 'number') {
        expect(roundTo(p.round, DEFAULT_STATE[p.field]), `${p.field} default`).toBe(DEFAULT_STATE[p.field]);
        if (p.scale === 'log') expect(p.min).toBeGreaterThan(0);
      } else for (const r of DEFAULT_STATE.rewards) expect(roundTo(p.round, r)).toBe(r);
    }
  });

  it('has every enum default among its choices', () => {
    for (const p of PARAMS)
      if (p.kind === 'enum' || p.kind === 'z0') expect(p.choices).toContain(DEFAULT_STATE[p.field]);
  });

  it("takes β's range from the math side's BETA_RANGE, and the β box and slider take it from the list", () => {
    expect(numberParam('beta')).toMatchObject({ min: BETA_RANGE.min, max: BETA_RANGE.max, scale: 'log' });
    const box = numberRange('beta');
    expect(box).toMatchObject({ min: BETA_RANGE.min, max: BETA_RANGE.max, scale: 'log', integer: false });
    expect(box.round(0.123456)).toBe(0.123);
    expect(numberRange('steps')).toMatchObject({ integer: true, scale: 'linear' });
  });
});
