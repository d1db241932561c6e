// The presets menu: each of the trainer's named scenarios as a change to the app state. Loading one sets
// every toy knob the scenario's spec and config name, so the app trains exactly the scenario's problem
// and its explanation's numbers are the ones on screen.
import { softmax, TOY_SCENARIOS, type ToyScenario } from '../math/index.ts';
import type { AppState, CompareText } from './appState.ts';
import { DEFAULT_STATE } from './defaults.ts';

export function presetPatch(scenario: ToyScenario): Partial<AppState> {
  const { spec, config } = scenario;
  const loss = config.loss;
  const patch: Partial<AppState> = {
    preset: scenario.id,
    losses: [...scenario.displayLosses],
    beta: loss.beta,
    labelSmoothing: loss.labelSmoothing ?? DEFAULT_STATE.labelSmoothing,
    ipoNormalization: loss.ipoNormalization ?? DEFAULT_STATE.ipoNormalization,
    discopopTau: loss.discopopTau ?? DEFAULT_STATE.discopopTau,
    fDivergence: loss.fDivergence ?? DEFAULT_STATE.fDivergence,
    fAlphaDivergenceCoef: loss.fAlphaDivergenceCoef ?? DEFAULT_STATE.fAlphaDivergenceCoef,
    sftWeight: loss.sftWeight ?? DEFAULT_STATE.sftWeight,
    desirableWeight: loss.desirableWeight ?? 1,
    undesirableWeight: loss.undesirableWeight ?? 1,
    z0Mode: typeof loss.z0 === 'number' ? 'fixed' : (loss.z0 ?? 'kl'),
    z0: typeof loss.z0 === 'number' ? loss.z0 : 0,
    simpoGamma: loss.simpoGamma ?? DEFAULT_STATE.simpoGamma,
    cpoAlpha: loss.cpoAlpha ?? DEFAULT_STATE.cpoAlpha,
    responses: spec.refLogits.length,
    refProbs: softmax(spec.refLogits),
    startLogRatios: spec.startOffsets ? [...spec.startOffsets] : spec.refLogits.map(() => 0),
    chosenLength: spec.lengths?.[0] ?? 1,
    rejectedLength: spec.lengths?.[1] ?? 1,
    features: spec.features,
    similarity: spec.features === 'shared' ? spec.similarity : DEFAULT_STATE.similarity,
    dataset: spec.dataset.kind,
    optimizer: config.optimizer,
    learningRate: config.learningRate,
    steps: config.steps,
    // TR-DPO's moving reference only where the scenario has one: any other scenario loads a fixed reference.
    refSyncSteps: config.refSync?.syncSteps ?? 0,
    refMixupAlpha: config.refSync?.mixupAlpha ?? DEFAULT_STATE.refMixupAlpha,
    // A scenario is about where training goes: the cursor at its end, unless it is about another step.
    t: scenario.showStep ?? config.steps,
    // A scenario that compares two β (two SFT weights, two f-divergences) loads the other as the dashed run.
    compare:
      compareBetaOf(scenario) ||
      compareSftOf(scenario) ||
      (scenario.compareDivergence ? `fdiv:${scenario.compareDivergence}` : '') ||
      (scenario.compareSyncSteps !== undefined ? `sync:${scenario.compareSyncSteps}` : ''),
  };
  if (spec.dataset.kind === 'pair') patch.preferenceProb = spec.dataset.p;
  if (spec.dataset.kind === 'ranking') patch.rewards = [...spec.dataset.rewards];
  return patch;
}

function compareBetaOf(scenario: ToyScenario): CompareText {
  const other = scenario.compareBetas?.find((b) => b !== scenario.config.loss.beta);
  return other === undefined ? '' : `beta:${other}`;
}

function compareSftOf(scenario: ToyScenario): CompareText {
  const other = scenario.compareSftWeights?.find((w) => w !== (scenario.config.loss.sftWeight ?? 0));
  return other === undefined ? '' : `sft:${other}`;
}

export function findPresetScenario(id: string): ToyScenario | undefined {
  return TOY_SCENARIOS.find((s) => s.id === id);
}
