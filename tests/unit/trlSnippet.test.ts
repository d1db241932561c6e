import { describe, expect, it } from 'vitest';
import { LOSS_IDS, isReferenceFreeLoss, type LossId } from '../../src/math/index.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import type { AppState } from '../../src/state/appState.ts';
import { pyFloat } from '../../src/derive/trlConfig.ts';
import { trlSnippet } from '../../src/components/export/trlSnippetText.ts';
import { EN } from '../../src/i18n/en/index.ts';

const T = EN.trl;

/**
 * The fields TRL's DPOConfig / KTOConfig really have, for the losses the page shows; CPOConfig's and
 * ORPOConfig's (trl/experimental/cpo/cpo_config.py, orpo/orpo_config.py) besides, per config below.
 */
const ALLOWED = new Set([
  'beta',
  'loss_type',
  'label_smoothing',
  'discopop_tau',
  'desirable_weight',
  'undesirable_weight',
  'loss_weights',
]);

/** The fields of trl.experimental's configs that the page writes (cpo_config.py, orpo_config.py). */
const EXPERIMENTAL_FIELDS: Record<string, ReadonlySet<string>> = {
  CPOConfig: new Set(['beta', 'loss_type', 'label_smoothing', 'cpo_alpha', 'simpo_gamma']),
  ORPOConfig: new Set(['beta']),
};

/** TRL's loss_type values (DPOConfig ≥ 0.29, KTOConfig). */
const TRL_LOSS_TYPES = new Set([
  'sigmoid',
  'hinge',
  'ipo',
  'exo_pair',
  'nca_pair',
  'robust',
  'bco_pair',
  'sppo_hard',
  'aot',
  'aot_unpaired',
  'apo_zero',
  'apo_down',
  'discopop',
  'sigmoid_norm',
  'sft',
  'kto',
  'apo_zero_unpaired',
]);

function state(patch: Partial<AppState> = {}): AppState {
  return { ...DEFAULT_STATE, ...patch } as AppState;
}

function snippet(losses: LossId[], patch: Partial<AppState> = {}) {
  return trlSnippet(state({ losses, ...patch }), T, (id) => EN.losses[id].label);
}

/** The code without comments. */
function live(code: string): string {
  return code
    .split('\n')
    .map((l) => l.replace(/#.*$/, ''))
    .join('\n');
}

/** keyword → value of the live (uncommented) config call. */
function liveArgs(code: string): Map<string, string> {
  const call = /training_args = (?:DPO|KTO|CPO|ORPO)Config\(([\s\S]*?)\n\)/.exec(live(code));
  expect(call, code).not.toBeNull();
  const args = new Map<string, string>();
  for (const m of call![1].matchAll(/(\w+)=("[^"]*"|[^,\s]+)/g)) args.set(m[1], m[2]);
  return args;
}

/** A keyword of allKeywords ('DPOConfig.beta') that its config really has. */
function isAllowed(qualified: string): boolean {
  const [config, name] = qualified.split('.');
  return (EXPERIMENTAL_FIELDS[config] ?? ALLOWED).has(name);
}

/** Every keyword given to a config anywhere, commented-out lines included, as 'Config.keyword'. */
function allKeywords(code: string): string[] {
  const names: string[] = [];
  for (const call of code.matchAll(/(DPO|KTO|CPO|ORPO)Config\(([^)]*)\)?/g)) {
    // Each config's own fields: DPOConfig / KTOConfig the shared list, trl.experimental's their own.
    for (const m of call[2].matchAll(/(\w+)\s*=/g)) names.push(`${call[1]}Config.${m[1]}`);
  }
  return names;
}

describe('pyFloat', () => {
  it('writes Python float literals as short as they read', () => {
    expect(pyFloat(0.1)).toBe('0.1');
    expect(pyFloat(1)).toBe('1.0');
    expect(pyFloat(0.05)).toBe('0.05');
    expect(pyFloat(0.1 + 0.2)).toBe('0.3');
    expect(pyFloat(1e-7)).toBe('1e-7');
    expect(pyFloat(-2)).toBe('-2.0');
  });
});

describe('trlSnippet', () => {
  it.each(LOSS_IDS.filter((id) => !isReferenceFreeLoss(id)).map((id) => [id]))(
    'writes a config with real TRL names for %s',
    (id) => {
      const { code } = snippet([id]);
      const kto = id === 'kto' || id === 'apo_zero_unpaired';
      const config = kto ? 'KTOConfig' : 'DPOConfig';
      expect(code.startsWith(`from trl import ${config}\n`)).toBe(true);
      const args = liveArgs(code);
      const lossType = JSON.parse(args.get('loss_type')!) as string;
      expect(TRL_LOSS_TYPES.has(lossType)).toBe(true);
      expect(lossType).toBe(id === 'cdpo' ? 'sigmoid' : id);
      expect(args.get('beta')).toBe('0.1');
      for (const name of allKeywords(code)) expect(isAllowed(name), name).toBe(true);
      // Learning rates only as a comment: the toy's do not transfer.
      expect(live(code)).not.toMatch(/learning_rate/);
      expect(code).toMatch(/# learning_rate/);
    },
  );

  it('writes SimPO as trl.experimental.cpo CPOConfig(loss_type="simpo") with γ, cpo_alpha and ε', () => {
    const { code, notes } = snippet(['simpo'], {
      simpoGamma: 1.2,
      cpoAlpha: 0.25,
      labelSmoothing: 0.1,
      beta: 2,
    });
    expect(code.startsWith('from trl.experimental.cpo import CPOConfig, CPOTrainer\n')).toBe(true);
    const args = liveArgs(code);
    expect([...args.keys()]).toEqual(['loss_type', 'beta', 'simpo_gamma', 'cpo_alpha', 'label_smoothing']);
    expect(args.get('loss_type')).toBe('"simpo"');
    expect(args.get('beta')).toBe('2.0');
    expect(args.get('simpo_gamma')).toBe('1.2');
    expect(args.get('cpo_alpha')).toBe('0.25');
    expect(args.get('label_smoothing')).toBe('0.1');
    for (const name of args.keys()) expect(EXPERIMENTAL_FIELDS.CPOConfig.has(name), name).toBe(true);
    expect(code).toContain(`# ${T.code.noReference('CPOTrainer')}`);
    expect(notes).toContain(T.notes.noReference);
    expect(notes).not.toContain(T.notes.cdpo);
  });

  it('writes ORPO as trl.experimental.orpo ORPOConfig(beta=λ), without loss_type', () => {
    const { code, notes } = snippet(['orpo'], { beta: 0.25, simpoGamma: 3 });
    expect(code.startsWith('from trl.experimental.orpo import ORPOConfig, ORPOTrainer\n')).toBe(true);
    const args = liveArgs(code);
    expect([...args.entries()]).toEqual([['beta', '0.25']]);
    expect(code).toContain(`# ${T.code.noReference('ORPOTrainer')}`);
    expect(notes).toContain(T.notes.noReference);
    expect(notes).not.toContain(T.notes.cdpo);
  });

  it('lists SimPO and ORPO as commented configs beside DPO, and DPO has no trainer import', () => {
    const { code } = snippet(['sigmoid', 'simpo', 'orpo']);
    expect(code.startsWith('from trl import DPOConfig\n')).toBe(true);
    expect(code).toMatch(
      /^# SimPO: CPOConfig\(loss_type="simpo", beta=0\.1, simpo_gamma=0\.5, cpo_alpha=1\.0, label_smoothing=0\.1\)$/m,
    );
    expect(code).toMatch(/^# ORPO: ORPOConfig\(beta=0\.1\)$/m);
  });

  it('keeps every keyword inside the allow-list with all losses chosen and odd settings', () => {
    const { code } = snippet([...LOSS_IDS], { labelSmoothing: 0, z0Mode: 'fixed', ipoNormalization: 'sum' });
    const names = allKeywords(code);
    expect(names.length).toBeGreaterThan(2 * LOSS_IDS.length);
    for (const name of names) expect(isAllowed(name), name).toBe(true);
  });

  it('turns cDPO into plain "sigmoid" without label_smoothing, with the note that TRL has no cDPO', () => {
    const { code, notes } = snippet(['cdpo'], { labelSmoothing: 0.2 });
    const args = liveArgs(code);
    expect(args.get('loss_type')).toBe('"sigmoid"');
    expect(args.has('label_smoothing')).toBe(false);
    expect(notes).toContain(T.notes.cdpo);
    expect(T.notes.cdpo).toMatch(/0\.29/);
    // The loss_type line says why.
    expect(code).toMatch(/loss_type="sigmoid",\s+# cDPO has no TRL loss_type/);
  });

  it('gives robust its label_smoothing and plain DPO none', () => {
    expect(liveArgs(snippet(['robust'], { labelSmoothing: 0.2 }).code).get('label_smoothing')).toBe('0.2');
    expect(liveArgs(snippet(['sigmoid'], { labelSmoothing: 0.2 }).code).has('label_smoothing')).toBe(false);
  });

  it('always gives EXO a label_smoothing > 0, with a note when the page had 0', () => {
    const set = snippet(['exo_pair'], { labelSmoothing: 0.25 });
    expect(liveArgs(set.code).get('label_smoothing')).toBe('0.25');
    expect(set.notes).toEqual([]);
    const zero = snippet(['exo_pair'], { labelSmoothing: 0 });
    const eps = Number(liveArgs(zero.code).get('label_smoothing'));
    expect(eps).toBeGreaterThan(0);
    expect(eps).toBeLessThan(0.5);
    expect(zero.notes).toEqual([T.notes.exoSmoothing('0.001')]);
  });

  it('gives DiscoPOP its discopop_tau', () => {
    expect(liveArgs(snippet(['discopop'], { discopopTau: 0.07 }).code).get('discopop_tau')).toBe('0.07');
  });

  it('notes that TRL averages IPO per token, and that the summed form has no TRL flag', () => {
    expect(snippet(['ipo']).notes).toEqual([T.notes.ipoToken]);
    expect(snippet(['ipo'], { ipoNormalization: 'sum' }).notes).toEqual([T.notes.ipoToken, T.notes.ipoSum]);
  });

  it('notes that sigmoid_norm is not SimPO', () => {
    expect(snippet(['sigmoid_norm']).notes).toEqual([T.notes.sigmoidNorm]);
  });

  it('writes KTO with both weights, the z0 note for the page’s mode and TRL’s weight-ratio check', () => {
    const { code, notes } = snippet(['kto'], { desirableWeight: 1.2, undesirableWeight: 1, beta: 0.25 });
    const args = liveArgs(code);
    expect([...args.keys()]).toEqual(['loss_type', 'beta', 'desirable_weight', 'undesirable_weight']);
    expect(args.get('loss_type')).toBe('"kto"');
    expect(args.get('beta')).toBe('0.25');
    expect(args.get('desirable_weight')).toBe('1.2');
    expect(args.get('undesirable_weight')).toBe('1.0');
    expect(notes).toEqual([T.notes.ktoZ0.kl, T.notes.ktoRatio('1.2', true)]);
    expect(snippet(['kto'], { z0Mode: 'batch' }).notes[0]).toBe(T.notes.ktoZ0.batch);
    expect(snippet(['kto'], { z0Mode: 'fixed' }).notes[0]).toBe(T.notes.ktoZ0.fixed);
    expect(snippet(['kto'], { desirableWeight: 2 }).notes[1]).toBe(T.notes.ktoRatio('2', false));
    // TRL's upper end is 1.33 (kto_trainer.py), not 4/3: 1.333 is outside.
    expect(snippet(['kto'], { desirableWeight: 1.33 }).notes[1]).toBe(T.notes.ktoRatio('1.33', true));
    expect(snippet(['kto'], { desirableWeight: 1.333 }).notes[1]).toBe(T.notes.ktoRatio('1.333', false));
    expect(T.notes.ktoRatio('2', false)).toMatch(/only when the training set has different numbers/);
    expect(snippet(['kto'], { desirableWeight: 1, undesirableWeight: 0 }).notes[1]).toBe(
      T.notes.ktoRatio('∞', false),
    );
  });

  it('says what λD = λU = 0 means rather than a ratio of "—"', () => {
    for (const id of ['kto', 'apo_zero_unpaired'] as const) {
      const { notes } = snippet([id], { desirableWeight: 0, undesirableWeight: 0 });
      expect(notes.at(-1)).toBe(T.notes.ktoWeightsZero);
      for (const note of notes) expect(note).not.toContain('—');
    }
    expect(T.notes.ktoWeightsZero).toMatch(/nothing trains/);
  });

  it('writes the unpaired APO-zero as a KTOConfig loss, without the z0 note', () => {
    const { code, notes } = snippet(['apo_zero_unpaired']);
    expect(code).toMatch(/^from trl import KTOConfig\n/);
    expect(liveArgs(code).get('loss_type')).toBe('"apo_zero_unpaired"');
    expect(notes).toEqual([T.notes.ktoRatio('1', true)]);
  });

  it('writes the first loss as code and each other chosen loss as one commented config line', () => {
    const { code, notes } = snippet(['ipo', 'cdpo', 'kto', 'apo_zero_unpaired']);
    expect(code.startsWith('from trl import DPOConfig\n')).toBe(true);
    expect(liveArgs(code).get('loss_type')).toBe('"ipo"');
    expect(live(code)).not.toMatch(/KTOConfig/);
    const lines = code.split('\n');
    expect(lines).toContain(`# ${T.code.alsoSelected}`);
    expect(lines).toContain(
      '# cDPO: DPOConfig(loss_type="sigmoid", beta=0.1)  # ' + T.code.noTrlLoss('cDPO'),
    );
    expect(lines).toContain(
      '# KTO: KTOConfig(loss_type="kto", beta=0.1, desirable_weight=1.0, undesirable_weight=1.0)',
    );
    // Notes of every chosen loss, each once (KTO and APO-zero share the ratio check).
    expect(notes).toEqual([T.notes.ipoToken, T.notes.cdpo, T.notes.ktoZ0.kl, T.notes.ktoRatio('1', true)]);
  });

  it('takes its comments from the strings, so a translated table translates them', () => {
    const zh = { ...T, code: { ...T.code, learningRate: () => '学习率', alsoSelected: '另选' } };
    const { code } = trlSnippet(state({ losses: ['sigmoid', 'ipo'] }), zh);
    expect(code).toContain('    # 学习率\n');
    expect(code).toContain('# 另选\n# ipo: DPOConfig(loss_type="ipo", beta=0.1)\n');
  });

  it('has balanced brackets and only comments or keyword lines inside the call', () => {
    for (const id of LOSS_IDS) {
      const { code } = snippet([id, 'sigmoid']);
      const body = /\(\n([\s\S]*?)\n\)\n/.exec(code)![1].split('\n');
      for (const line of body) expect(line).toMatch(/^ {4}(?:\w+=\S+,(?: {2}#.*)?|# .*)$/);
      expect(code.endsWith('\n')).toBe(true);
    }
  });
});
