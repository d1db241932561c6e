// The URL hash codec (CONVENTIONS §9): valid states round-trip exactly, only non-defaults are written, and
// hostile links never throw, never give a non-finite or out-of-range state, and say what they dropped.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AppState } from '../../src/state/appState.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { baseState, linkBase, parseHash, stateToHash } from '../../src/state/urlCodec.ts';
import { createAppStore, pickAppState } from '../../src/state/store.ts';
import { TOY_SCENARIOS } from '../../src/math/index.ts';
import { applyPatch } from '../../src/state/sanitize.ts';
import { URL_PARAMS, URL_VERSION, type UrlParam } from '../../src/state/urlParams.ts';
import { URL_NOTICE_KINDS, type UrlNotice } from '../../src/state/urlNotice.ts';
import { expectValidState, stateArb } from '../helpers/stateArbitraries.ts';

const RUNS = 400;
const STATE_KEYS = Object.keys(DEFAULT_STATE).sort();

/** The state fields a parameter writes. */
function fieldsOf(p: UrlParam): (keyof AppState)[] {
  return p.kind === 'z0' ? ['z0Mode', 'z0'] : [p.field];
}

/** A link writes what differs from its base: the defaults, or the named preset's state. */
function differsFromBase(p: UrlParam, s: AppState): boolean {
  // A lesson link writes its lesson and step always, and every other key against the step's state.
  if (s.lesson && (p.key === 'lesson' || p.key === 'step')) return true;
  const base = p.key === 'preset' && !s.lesson ? DEFAULT_STATE : linkBase(s);
  return fieldsOf(p).some((f) => JSON.stringify(s[f]) !== JSON.stringify(base[f]));
}

function keysOf(hash: string): string[] {
  return hash
    .replace(/^#/, '')
    .split('&')
    .map((part) => part.split('=')[0]);
}

function valueOf(hash: string, key: string): string | undefined {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === key) return part.slice(eq + 1);
  }
  return undefined;
}

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
function tryDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Every key a notice about this hash could name: each pair's key, raw or decoded, maybe shortened. */
function keyCandidates(hash: string): Set<string> {
  const out = new Set<string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    const raw = eq < 0 ? part : part.slice(0, eq);
    for (const k of [raw, tryDecode(raw)]) {
      if (k === null) continue;
      out.add(k);
      out.add(shorten(k));
    }
  }
  return out;
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function expectSafeParse(hash: string): { state: AppState; notices: UrlNotice[] } {
  let parsed: ReturnType<typeof parseHash> | undefined;
  expect(() => {
    parsed = parseHash(hash);
  }).not.toThrow();
  if (!parsed) throw new Error('unreachable');
  const { state, notices } = parsed;

  expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  expect(Object.keys(state).sort()).toEqual(STATE_KEYS);
  expectValidState(state);

  // Nothing leaked onto Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();

  const candidates = keyCandidates(hash);
  const pairCount = hash.replace(/^#/, '').split('&').length;
  for (const n of notices) {
    expect(Object.getPrototypeOf(n)).toBe(Object.prototype);
    for (const [k, v] of Object.entries(n)) {
      expect(['kind', 'key', 'given', 'used']).toContain(k);
      expect(typeof v).toBe('string');
    }
    expect(URL_NOTICE_KINDS).toContain(n.kind);
    if (n.kind === 'too-long' && n.key === '' && !candidates.has('')) {
      // The one notice about the whole link: more pairs than are read.
      expect(n.given).toBe(String(pairCount));
    } else {
      expect(candidates.has(n.key), `notice ${JSON.stringify(n)} names a key of the link`).toBe(true);
    }
  }

  // What the link gave is already canonical: the sanitiser leaves it alone, and writing it back reads clean.
  expect(applyPatch(state, state)).toEqual(state);
  const again = parseHash(stateToHash(state));
  expect(again.state).toEqual(state);
  expect(again.notices).toEqual([]);
  return { state, notices };
}

describe('stateToHash / parseHash round trip', () => {
  it('the defaults give an empty hash, and an empty hash gives the defaults', () => {
    expect(stateToHash(DEFAULT_STATE)).toBe('');
    for (const h of ['', '#', '#v=2', 'v=1']) {
      const { state, notices } = parseHash(h);
      expect(state).toEqual(DEFAULT_STATE);
      expect(notices).toEqual([]);
    }
  });

  it('an arbitrary valid state round-trips exactly, with no notices', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const hash = stateToHash(s);
        const { state, notices } = parseHash(hash);
        expect(notices).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('writes v first and then exactly the keys whose values differ from the base, once each', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const hash = stateToHash(s);
        const expected = URL_PARAMS.filter((p) => differsFromBase(p, s)).map((p) => p.key);
        if (expected.length === 0) {
          expect(hash).toBe('');
          return;
        }
        expect(hash.startsWith(`#v=${URL_VERSION}&`)).toBe(true);
        const keys = keysOf(hash);
        expect(keys[0]).toBe('v');
        expect(keys.slice(1).sort()).toEqual([...expected].sort());
      }),
      { numRuns: RUNS },
    );
  });

  it('one changed field writes only its own key', () => {
    const cases: [Partial<AppState>, string][] = [
      [{ beta: 0.5 }, '#v=2&beta=0.5'],
      [{ losses: ['ipo', 'sigmoid'] }, '#v=2&loss=ipo,sigmoid'],
      [{ z0Mode: 'fixed', z0: 0 }, '#v=2&z0=0'],
      [{ z0Mode: 'batch' }, '#v=2&z0=batch'],
      [{ showControls: false }, '#v=2&controls=0'],
      [{ dataset: 'ranking' }, '#v=2&data=ranking'],
    ];
    for (const [patch, hash] of cases) expect(stateToHash({ ...DEFAULT_STATE, ...patch })).toBe(hash);
  });

  it('names β `beta` and the losses `loss`', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const hash = stateToHash(s);
        const base = linkBase(s);
        if (s.beta !== base.beta) expect(valueOf(hash, 'beta')).toBe(String(s.beta));
        else expect(valueOf(hash, 'beta')).toBeUndefined();
        if (s.losses.join() !== base.losses.join()) expect(valueOf(hash, 'loss')).toBe(s.losses.join(','));
        else expect(valueOf(hash, 'loss')).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('SimPO’s settings in links', () => {
  it('gamma= and cpoa= carry simpoGamma and cpoAlpha; CPOConfig’s defaults write nothing', () => {
    expect(valueOf(stateToHash({ ...DEFAULT_STATE, losses: ['simpo'] }), 'gamma')).toBeUndefined();
    const hash = stateToHash({
      ...DEFAULT_STATE,
      losses: ['simpo', 'orpo'],
      simpoGamma: 1.5,
      cpoAlpha: 0.25,
    });
    expect(valueOf(hash, 'gamma')).toBe('1.5');
    expect(valueOf(hash, 'cpoa')).toBe('0.25');
    expect(valueOf(hash, 'loss')).toBe('simpo,orpo');
    const { state, notices } = parseHash(hash);
    expect(notices).toEqual([]);
    expect([state.simpoGamma, state.cpoAlpha, state.losses]).toEqual([1.5, 0.25, ['simpo', 'orpo']]);
  });

  it('clamps them to their ranges with a notice (cpo_alpha ≥ 0, γ in 0 … 10)', () => {
    const { state, notices } = expectSafeParse('#v=2&loss=simpo&gamma=25&cpoa=-3');
    expect([state.simpoGamma, state.cpoAlpha]).toEqual([10, 0]);
    for (const key of ['gamma', 'cpoa'])
      expect(
        notices.some((n) => n.key === key && n.kind === 'clamped'),
        key,
      ).toBe(true);
  });
});

describe('presets in links', () => {
  it('a loaded preset is written as preset=<id> alone, and that link restores the whole preset', () => {
    for (const { id } of TOY_SCENARIOS) {
      const store = createAppStore();
      store.getState().loadPreset(id);
      const state = pickAppState(store.getState());
      expect(stateToHash(state)).toBe(`#v=2&preset=${id}`);
      expect(parseHash(`#v=2&preset=${id}`)).toEqual({ state, notices: [] });
    }
  });

  it('other keys change the preset they name', () => {
    const { state, notices } = parseHash('#v=2&preset=noisy&beta=0.5');
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...baseState('noisy'), beta: 0.5 });
    expect(state.preferenceProb).toBe(0.8);
  });

  it('an unknown preset is refused and the defaults stay the base', () => {
    const { state, notices } = parseHash('#v=2&preset=nope&beta=0.5');
    expect(notices.map((n) => n.key)).toEqual(['preset']);
    expect(state).toEqual({ ...DEFAULT_STATE, beta: 0.5 });
  });
});

describe('parseHash on hostile links', () => {
  /** Prototype keys, markup, broken percent-escapes and the empty string: tried as keys and as values. */
  const HOSTILE_STRINGS = [
    '__proto__',
    'constructor',
    'prototype',
    '<script>alert(1)</script>',
    '%3Cscript%3E',
    '%E0%A4%A',
    '%',
    '',
  ];
  const keyPool = [
    ...URL_PARAMS.map((p) => p.key),
    'v',
    ...HOSTILE_STRINGS,
    'polluted',
    '__proto__[polluted]',
  ];
  const valuePool = [
    '1e308',
    '1e999',
    '-1e999',
    '-1e308',
    '1e-999',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '1,2,3',
    '0,0',
    '1e308,1e308,1e308',
    '1000,0.001',
    '0.5,0.5',
    ...HOSTILE_STRINGS,
    'kl',
    'fixed',
    'sigmoid,sigmoid,foo',
    'x'.repeat(500),
    '-0',
    '1.5',
  ];
  const pairArb = fc.tuple(
    fc.oneof(fc.constantFrom(...keyPool), fc.string({ maxLength: 12 })),
    fc.oneof(
      fc.constantFrom(...valuePool),
      fc.double().map(String),
      fc.integer().map(String),
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    fc.boolean(),
  );
  const hashArb = fc
    .array(pairArb, { maxLength: 30 })
    .map((pairs) => '#' + pairs.map(([k, v, withEq]) => (withEq ? `${k}=${v}` : k)).join('&'));

  it('random strings never throw and give a valid state', () => {
    fc.assert(
      fc.property(fc.string(), (h) => void expectSafeParse(h)),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (h) => void expectSafeParse(h)),
      { numRuns: RUNS },
    );
  });

  it('random key=value links mixing real keys and hostile values give a valid state', () => {
    fc.assert(
      fc.property(hashArb, (h) => void expectSafeParse(h)),
      { numRuns: RUNS },
    );
  });

  it('huge numbers are clamped to the range, not dropped, with a notice', () => {
    const { state, notices } = expectSafeParse('#beta=1e999&start=1e308,-1e999,0&lr=-1e999&z0=1e999');
    expect(state.beta).toBe(10);
    expect(state.startLogRatios).toEqual([100, -100, 0]);
    expect(state.learningRate).toBe(0.0001);
    expect(state.z0Mode).toBe('fixed');
    expect(state.z0).toBe(50);
    for (const key of ['beta', 'start', 'lr', 'z0'])
      expect(notices.some((n) => n.key === key && n.kind === 'clamped')).toBe(true);
  });

  it('prototype-polluting and script-like keys and values are ignored', () => {
    for (const h of [
      '#__proto__=1',
      '#__proto__[polluted]=1',
      '#constructor=x',
      '#prototype=1',
      '#constructor[prototype][polluted]=1',
      '#<script>alert(1)</script>=1',
      '#%3Cscript%3Ealert(1)%3C%2Fscript%3E=1',
      '#beta=<script>alert(1)</script>',
      '#loss=<script>alert(1)</script>',
      '#theme=__proto__&lang=constructor&embed=prototype&preset=__proto__',
    ]) {
      const { state, notices } = expectSafeParse(h);
      expect(state).toEqual(DEFAULT_STATE);
      expect(notices.length).toBeGreaterThan(0);
    }
  });

  it('broken percent-encoding is reported and the rest of the link still applies', () => {
    for (const h of ['#%E0%A4%A=1&beta=0.5', '#beta=0.5&lw=%E0%A4%A', '#%&beta=0.5', '#beta=0.5&k=%']) {
      const { state, notices } = expectSafeParse(h);
      expect(state.beta).toBe(0.5);
      expect(notices.some((n) => n.kind === 'bad-value')).toBe(true);
    }
  });

  it('the first of repeated keys wins', () => {
    expect(expectSafeParse('#beta=0.2&beta=0.3&beta=5').state.beta).toBe(0.2);
  });

  it('thousands of pairs are cut off with a notice, the first ones applied', () => {
    const h = '#' + ['beta=0.5', ...Array.from({ length: 5000 }, (_, i) => `x${i}=${i}`)].join('&');
    const { state, notices } = expectSafeParse(h);
    expect(state.beta).toBe(0.5);
    expect(notices.some((n) => n.kind === 'too-long' && n.given === '5001')).toBe(true);
    expect(notices.length).toBeLessThan(100);
  });

  it('empty values never throw and keep the defaults', () => {
    const h = '#' + URL_PARAMS.map((p) => `${p.key}=`).join('&');
    const { state } = expectSafeParse(h);
    // An empty preset and embed are valid choices; everything else stays at its default.
    expect(state).toEqual(DEFAULT_STATE);
    expectSafeParse('#' + URL_PARAMS.map((p) => p.key).join('&'));
  });

  it('an overlong value is dropped with a notice naming its key', () => {
    const { state, notices } = expectSafeParse(`#beta=${'1'.repeat(1000)}&k=4`);
    expect(state.beta).toBe(DEFAULT_STATE.beta);
    expect(state.responses).toBe(4);
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'too-long', key: 'beta' }));
  });

  it.each(['3', 'abc', '0', '', '1.5', '-1', '1e999'])(
    'v=%s is refused: the defaults and a version notice',
    (v) => {
      const { state, notices } = expectSafeParse(`#v=${v}&beta=0.5&loss=ipo`);
      expect(state).toEqual(DEFAULT_STATE);
      expect(notices).toEqual([expect.objectContaining({ kind: 'version', key: 'v' })]);
    },
  );

  it('loss=foo,sigmoid keeps sigmoid and reports foo', () => {
    const { state, notices } = expectSafeParse('#loss=foo,sigmoid');
    expect(state.losses).toEqual(['sigmoid']);
    expect(notices).toEqual([{ kind: 'bad-value', key: 'loss', given: 'foo' }]);
  });

  it('a loss list with nothing usable keeps the default losses and says so', () => {
    const { state, notices } = expectSafeParse('#loss=foo,bar');
    expect(state.losses).toEqual(DEFAULT_STATE.losses);
    expect(notices.map((n) => n.key)).toEqual(['loss', 'loss', 'loss']);
    expect(notices.at(-1)?.kind).toBe('adjusted');
  });

  it('repeated losses are kept once', () => {
    expect(expectSafeParse('#loss=ipo,IPO,sigmoid,ipo').state.losses).toEqual(['ipo', 'sigmoid']);
  });

  it('beta=100 is clamped to 10 with a notice', () => {
    const { state, notices } = expectSafeParse('#beta=100');
    expect(state.beta).toBe(10);
    expect(notices).toEqual([{ kind: 'clamped', key: 'beta', given: '100', used: '10' }]);
  });

  it('steps=1e9 is clamped to 2000; fractional steps are rounded', () => {
    expect(expectSafeParse('#steps=1e9').state.steps).toBe(2000);
    const { state, notices } = expectSafeParse('#steps=10.6');
    expect(state.steps).toBe(11);
    expect(notices).toEqual([expect.objectContaining({ kind: 'rounded', key: 'steps' })]);
  });

  it('k=4&ref=0.5,0.5 resizes the reference to 4 responses with a notice', () => {
    const { state, notices } = expectSafeParse('#k=4&ref=0.5,0.5');
    expect(state.responses).toBe(4);
    expect(state.refProbs).toHaveLength(4);
    expect(state.rewards).toHaveLength(4);
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'adjusted', key: 'ref' }));
  });

  it('a reference list without k sets K', () => {
    const { state, notices } = expectSafeParse('#ref=1,1,1,1,1');
    expect(state.responses).toBe(5);
    expect(state.refProbs).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(state.rewards).toHaveLength(5);
    expect(notices).toEqual([]);
  });

  it('k=1000 is clamped to 6 and the lists follow', () => {
    const { state, notices } = expectSafeParse('#k=1000');
    expect(state.responses).toBe(6);
    expect(state.refProbs).toHaveLength(6);
    expect(state.rewards).toHaveLength(6);
    expect(notices).toEqual([expect.objectContaining({ kind: 'clamped', key: 'k', used: '6' })]);
  });

  it('reference probabilities stay ≥ the minimum however lopsided or huge the link', () => {
    for (const ref of ['1e308,1e308', '1000,0.001', '0,0,1', '1e300,1,1,1,1,1', '0,0']) {
      const { state } = expectSafeParse(`#ref=${ref}`);
      for (const q of state.refProbs) expect(q).toBeGreaterThanOrEqual(0.001);
    }
    const { state } = expectSafeParse('#k=6&ref=0.998,0.001,0.001');
    expect(Math.min(...state.refProbs)).toBeGreaterThanOrEqual(0.001);
  });

  it('−0 is read as 0, in numbers and in lists', () => {
    const { state, notices } = expectSafeParse('#start=-0,1,0&eps=-0.0&rewards=-0,1,-0&z0=-0');
    expect(notices).toEqual([]);
    for (const v of [
      state.startLogRatios[0],
      state.labelSmoothing,
      state.rewards[0],
      state.rewards[2],
      state.z0,
    ])
      expect(Object.is(v, 0)).toBe(true);
  });

  it('ranking rewards are clamped to [−5, 5] and follow K', () => {
    const { state, notices } = expectSafeParse('#data=ranking&rewards=9,-9,1');
    expect(state.dataset).toBe('ranking');
    expect(state.rewards).toEqual([5, -5, 1]);
    expect(notices).toEqual([expect.objectContaining({ kind: 'clamped', key: 'rewards' })]);
    const short = expectSafeParse('#rewards=2');
    expect(short.state.rewards).toEqual([2, 0, 0]);
    expect(short.notices).toEqual([expect.objectContaining({ kind: 'adjusted', key: 'rewards' })]);
  });
});
