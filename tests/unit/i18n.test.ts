// The language tables: the Chinese tables have exactly the English tables' shape, every message is
// translated (only formulas, symbols and TRL names may stay as they are), and the scenario explanations
// keep every number of the English text.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { EN } from '../../src/i18n/en/index.ts';
import { ZH } from '../../src/i18n/zh/index.ts';
import type {
  GradientSummaryPart,
  LossSummaryPart,
  MetricsSummaryPart,
  PlaneSummary,
  SimplexSummary,
  SweepSummaryPart,
  TrainingSummaryPart,
} from '../../src/i18n/types/figures.ts';
import { URL_NOTICE_KINDS, type UrlNotice } from '../../src/state/urlNotice.ts';
import { CUSTOM_PANELS, CUSTOM_PROBLEM_KINDS } from '../../src/state/lessons/custom.ts';
import { LESSON_CONTROLS } from '../../src/state/lessons/types.ts';
import { LOSS_IDS, SCENARIO_IDS, TOY_SCENARIOS, type ScenarioId } from '../../src/math/index.ts';
import { UNFINISHED_STATUSES } from '../../src/derive/sweeps.ts';
import { SCENARIO_FIELDS, scenarioFacts } from '../../src/derive/scenarioFacts.ts';
import { baseState } from '../../src/state/urlCodec.ts';
import { pickFields } from '../../src/state/pickFields.ts';

// ---- Sample arguments for every message function, keyed by its path in the table. ----

const lossParts: LossSummaryPart[] = [
  { id: 'sigmoid', label: 'DPO', loss: 0.474, weight: 0.378, optimum: 2.2 },
  { id: 'ipo', label: 'IPO', loss: 0.31, weight: 1.25, optimum: Infinity },
  { id: 'kto', label: 'KTO', loss: 0.62, weight: 0.3, optimum: null },
];
const gradientParts: GradientSummaryPart[] = [
  { id: 'sigmoid', label: 'DPO', chosenPush: 0.38, rejectedPush: 0.38 },
  { id: 'robust', label: 'SPPO', chosenPush: -0.2, rejectedPush: 1.4 },
];
const trainingParts: TrainingSummaryPart[] = [
  {
    label: 'DPO',
    steps: 300,
    chosenStart: 0.36,
    chosenEnd: 0.1,
    rejectedStart: 0.36,
    rejectedEnd: 0.01,
    displaced: true,
  },
  {
    label: 'IPO',
    steps: 300,
    chosenStart: 0.36,
    chosenEnd: 0.4,
    rejectedStart: 0.36,
    rejectedEnd: 0.2,
    displaced: false,
  },
];
const metricsParts: MetricsSummaryPart[] = [
  {
    label: 'DPO',
    steps: 300,
    values: [
      { metric: 'rewards/margins', value: 3.2 },
      { metric: 'logps/chosen', value: -12.5 },
    ],
  },
];
const sweepParts: SweepSummaryPart[] = [
  {
    label: 'DPO',
    x: 0.1,
    chosen: 0.9,
    rejected: 0.05,
    closedForm: true,
    status: 'converged',
    total: 40,
    unfinished: [],
    firstX: 0.01,
    firstChosen: 0.99,
    lastX: 10,
    lastChosen: 0.4,
  },
  {
    label: 'IPO',
    x: 0.1,
    chosen: 0.7,
    rejected: 0.1,
    closedForm: false,
    status: 'converged',
    total: 40,
    unfinished: [],
    firstX: 0.01,
    firstChosen: 0.9,
    lastX: 10,
    lastChosen: 0.3,
  },
];
const plane: PlaneSummary = {
  label: 'DPO',
  minLoss: 0.01,
  maxLoss: 5,
  logCompressed: true,
  trajectory: { steps: 300, start: [0, 0], end: [1.2, -3] },
  current: [0.5, -0.5],
};
const simplex: SimplexSummary = {
  corners: ['y_w', 'y_l', 'y₃'],
  reference: [0.5, 0.3, 0.2],
  rlhfOptimum: [0.6, 0.1, 0.3],
  runs: [{ label: 'DPO', steps: 300, end: [0.7, 0.1, 0.2] }],
};
// Runs, sweeps and paths where training diverged (math/toy/divergence.ts).
const divergedTraining: TrainingSummaryPart = { ...trainingParts[1], displaced: false, divergedAt: 2 };
const divergedMetrics: MetricsSummaryPart = { label: 'IPO', steps: 300, values: [], divergedAt: 2 };
const divergedSweeps: SweepSummaryPart[] = [
  {
    ...sweepParts[1],
    status: 'diverged',
    unfinished: [{ status: 'diverged', count: 12, from: 0.35, to: 10 }],
  },
  { ...sweepParts[0], unfinished: [{ status: 'diverged', count: 40, from: 0.001, to: 10 }] },
];
// Sweeps with points that did not converge, for each reason (math/toy/converge.ts).
const unfinishedSweeps: SweepSummaryPart[] = [
  {
    ...sweepParts[0],
    status: 'unbounded',
    unfinished: [{ status: 'unbounded', count: 40, from: 0.001, to: 10 }],
  },
  {
    ...sweepParts[1],
    status: 'kink',
    unfinished: [
      { status: 'kink', count: 30, from: 0.001, to: 2 },
      { status: 'stalled', count: 1, from: 3, to: 3 },
      { status: 'max-iterations', count: 2, from: 5, to: 10 },
    ],
  },
];
const criterion = { gradientTolerance: 1e-9, stepTolerance: 1e-9 };
const divergedRuns = [
  { loss: 'IPO', step: 2 },
  { loss: 'SPPO', step: 3 },
];
const notices: UrlNotice[][] = URL_NOTICE_KINDS.flatMap((kind) => [
  [{ kind, key: 'b', given: '9', used: '0.5' }],
  [{ kind, key: '', given: '9' }],
]);

/**
 * A scenario's facts as loaded, the same with every claim false (each template's other branch), and with
 * none of its runs trained (only hinge ticked: the sentences about missing runs).
 */
function scenarioSamples(id: ScenarioId): unknown[][] {
  const facts: Record<string, unknown> = { ...scenarioFacts(id, pickFields(baseState(id), SCENARIO_FIELDS)) };
  const denied = Object.fromEntries(
    Object.entries(facts).map(([k, v]) => [k, k.endsWith('Holds') ? false : v]),
  );
  const untrained = scenarioFacts(
    id,
    pickFields({ ...baseState(id), losses: ['hinge' as const] }, SCENARIO_FIELDS),
  );
  return [[facts], [denied], [untrained]];
}

/** One finding of each id (and every cause of divergence), with the values README "Training logs" lists. */
const TRL_LOG_FINDINGS: unknown[][] = [
  [{ id: 'start-at-ln2', steps: [10, 10], values: { loss: 0.6931, margins: 0 } }],
  [
    {
      id: 'chosen-reward-falls',
      steps: [100, 370],
      values: { chosenFrom: -0.14, chosenTo: -0.43, marginsFrom: 0.17, marginsTo: 0.39, window: 19 },
    },
  ],
  [
    {
      id: 'margin-runaway',
      steps: [50, 90],
      values: { lossTo: 0.001, marginsFrom: 8, marginsTo: 25, lastMargin: 27 },
    },
  ],
  [{ id: 'accuracy-granularity', steps: [10, 900], values: { batch: 2, distinct: 3, rows: 90 } }],
  [{ id: 'kto-kl-zero', steps: [10, 200], values: { zeroRows: 32, rows: 40, fraction: 0.8 } }],
  ...(['nan-loss', 'nan-grad-norm', 'loss-explodes', 'grad-norm-explodes'] as const).map((cause) => [
    {
      id: 'diverged',
      steps: [40, 60],
      values: { firstStep: 40, lossMax: NaN, gradNormMax: Infinity },
      cause,
    },
  ]),
];

const SAMPLES: Record<string, unknown[][]> = {
  ...Object.fromEntries(SCENARIO_IDS.map((id) => [`presets.${id}.explanation`, scenarioSamples(id)])),
  'controls.field.notANumber': [['1,5']],
  'lessonUi.stepOf': [
    [1, 7],
    [7, 7],
  ],
  'lessonUi.wrong': [['β = 0.1']],
  'controls.field.positiveLogProb': [['3']],
  'controls.field.tooLow': [['−5', '0']],
  'controls.field.tooHigh': [['50', '10']],
  'controls.field.notWhole': [['2.5']],
  'controls.field.stillUsing': [['0.1']],
  'controls.lossPicker.selectedCount': [[1], [3]],
  'controls.lossPicker.keepOne': [['DPO (sigmoid)']],
  'controls.kto.weightRatioWarning': [['3']],
  'controls.sftWeight.termName': [['DPO', '0.5']],
  'controls.extraTerms.weightLabel': [['BCO']],
  'controls.extraTerms.remove': [['BCO']],
  'controls.extraTerms.listName': [['DPO', ['0.2·BCO', '1·SFT']]],
  'controls.refSync.rule': [['4', '0.6']],
  'figures.movingReference.of': [['y_w']],
  'controls.smoothing.exoNeedsPositive': [['0.001']],
  'controls.pair.derived': [['0.5', '−0.5', '1']],
  'controls.pair.bars.refBar': [['y_w']],
  'controls.pair.bars.startBar': [['A']],
  'controls.pair.bars.valueText': [['0.450']],
  'controls.pair.refLogProb': [
    [1, 'chosen'],
    [2, 'rejected'],
    [3, 'other'],
  ],
  'controls.pair.startLogProb': [
    [1, 'chosen'],
    [2, 'rejected'],
    [3, 'other'],
  ],
  'controls.toy.refProb': [
    [1, 'chosen'],
    [2, 'rejected'],
    [3, 'other'],
  ],
  'controls.toy.reward': [[1]],
  'readout.notes.ktoZ0Estimated': [['kl'], ['batch']],
  'readout.notes.ktoZ0Fixed': [['0.1']],
  'readout.notes.ktoLossSum': [['0.35']],
  'readout.notes.ldAlpha': [['0.5', '0.75', '1']],
  'readout.notes.wpo': [['0.42']],
  'readout.notes.invalid': [['β = 0']],
  'shell.notice': notices,
  'views.untrainable': [['DPO, IPO']],
  'views.trainingPending': [
    [{ responses: 6, steps: 2000, losses: 15 }],
    [{ responses: 3, steps: 300, losses: 1 }],
  ],
  'views.trainingMoved': [
    ['pair', ['DPO', 'IPO'], ['KTO']],
    ['thumbs-down', [], ['KTO']],
  ],
  'controls.presetMenu.changed': [['π*', 'β']],
  'compare.side': [
    [{ key: 'beta', value: 1 }],
    [{ key: 'p', value: 0.6 }],
    [{ key: 'lr', value: 0.1 }],
    [{ key: 'features', value: 'shared' }],
    [{ key: 'features', value: 'tabular' }],
    [{ key: 'optimizer', value: 'sgd' }],
    [{ key: 'optimizer', value: 'adam' }],
    [{ key: 'loss', value: 'ipo' }],
    [{ key: 'ref', value: [0.4, 0.35, 0.25] }],
    [{ key: 'sync', value: 0 }],
    [{ key: 'sync', value: 10 }],
  ],
  'compare.invalid': [['1,5']],
  'compare.status': [['β = 0.1', 'β = 1']],
  'compare.lossNote': [['DPO', 'IPO']],
  'compare.sweepMarker': [['β = 0.1', 'β = 1']],
  'compare.statusFaded': [['β = 0.1', 'β = 1']],
  'views.headingPart': [['β', 'p']],
  'compare.sweepsSame': [['TR-DPO, S = 0']],
  'compare.statusDotted': [['β = 0.1', 'β = 1']],
  'compare.traceName': [['DPO', 'β = 1']],
  'compare.summary': [['β = 0.1', 'β = 1', '…', '…']],
  'compare.pairViewsSame': [['SGD']],
  'compare.table.caption': [['β = 0.1', 'β = 1', 300, 600]],
  'compare.metricsCaption': [['DPO', 'β = 1', 600]],
  'compare.vsColumn': [['β = 1']],
  'views.finalMetricsCaption': [['DPO', 300]],
  'views.divergedMetricsCaption': [['IPO', 1, 2]],
  'views.trainingDiverged': [
    [divergedRuns.slice(0, 1), '10', 'sgd'],
    [divergedRuns, '1', 'adam'],
  ],
  'views.sentences': [[['一。', '二。']]],
  'views.sweepCaption': [
    [{ dataset: 'pair' }],
    [{ dataset: 'thumbs-down' }],
    [{ dataset: 'ranking', rewards: [1, 0] }],
  ],
  'views.sweepRefHeading': [[{ dataset: 'pair' }], [{ dataset: 'thumbs-down' }]],
  'views.sweepRefCaption': [
    [{ dataset: 'pair' }, true],
    [{ dataset: 'pair' }, false],
    [{ dataset: 'ranking', rewards: [1, 0] }, false],
  ],
  'shell.share.frameTitle': [['π(y)']],
  'views.exportMenu.buttonLabel': [['DPO']],
  'views.exportMenu.menuLabel': [['DPO']],
  'views.exportMenu.saved': [['loss_view.png']],
  'views.zoom.toggleLabel': [['π(y)']],
  'views.zoom.resetLabel': [['π(y)']],
  'trl.code.learningRate': [['0.05', 'Adam']],
  'trl.code.noTrlLoss': [['cDPO']],
  'trl.code.noReference': [['CPOTrainer']],
  'trl.notes.exoSmoothing': [['0.1']],
  'trl.notes.ktoRatio': [
    ['1.2', true],
    ['3', false],
  ],
  'figures.lossLabel': LOSS_IDS.map((id) => [id]),
  'figures.responseLabel': [
    [0],
    [1],
    [2],
    [3],
    [0, { dataset: 'thumbs-down' }],
    [1, { dataset: 'thumbs-down' }],
    [0, { dataset: 'ranking', rewards: [1, 0, -1] }],
  ],
  'figures.responsesTogether': [
    [2, 3],
    [2, 3, { dataset: 'thumbs-down' }],
  ],
  'figures.axis.sweep': [['beta'], ['ref'], ['ref', { dataset: 'thumbs-down' }]],
  'figures.axis.metric': [['rewards/margins']],
  'figures.axis.lossColourbar': [[true], [false]],
  'figures.trace.currentOf': [['DPO']],
  'figures.trace.atStepOf': [['DPO', 40]],
  'figures.trace.atDivergedStepOf': [['DPO', 3, 4]],
  'figures.trace.stepCursor': [[40]],
  'timeCursor.valueText': [[40, 200]],
  'timeCursor.stepOfSteps': [[0, 200]],
  'timeCursor.divergedStep': [[3, 4]],
  'thumbs.pairLossesNote': [['DPO, IPO']],
  'thumbs.trace.loss': [['KTO']],
  'thumbs.trace.dLogp': [['KTO']],
  'thumbs.summary.loss': [[[{ label: 'KTO', step: 40, rho: -1.5, value: 0.48 }]]],
  'thumbs.summary.gradient': [[[{ label: 'KTO', step: 40, rho: -1.5, value: 0.025 }]]],
  'thumbs.trl.pairLossComment': [['DPO']],
  'views.exportMenu.settingsCaption': [
    [{ losses: 'DPO, IPO', beta: '0.1', step: 40, steps: 200, scenario: null }],
    [{ losses: 'DPO', beta: '1', step: 0, steps: 200, scenario: '第七讲' }],
  ],
  // "Your TRL log": every error kind (and every refused log), trainer, inference and finding.
  'trlLog.loaded': [['trainer_state.json', 'DPO']],
  'trlLog.error': [
    ...(['not-json', 'no-log-history', 'empty', 'too-large'] as const).map((k) => [k, undefined]),
    ...(['grpo', 'ppo', 'sft', 'unknown'] as const).map((f) => ['not-preference', f]),
  ],
  'trlLog.keptLast': [['trainer_state.json']],
  'trlLog.trainer': (['dpo', 'kto', 'orpo', 'cpo'] as const).flatMap((k) => [
    [k, 'trl'],
    [k, 'llamafactory'],
  ]),
  'trlLog.rows': [[100, 10, 10, 1000]],
  'trlLog.logpUnit': (['summed', 'mean', 'unknown'] as const).flatMap((u) =>
    (['trainer', 'reward-ratio', 'magnitude', 'none'] as const).map((b) => [u, b]),
  ),
  'trlLog.beta': [[null], [0.1]],
  'trlLog.smoothingRows': [[1], [11]],
  'trlLog.raw': [['DPO']],
  'trlLog.plotTitle': (['optimisation', 'rewards', 'logps', 'trainer'] as const).map((g) => ['训练', g]),
  'trlLog.smoothed': [['DPO']],
  'trlLog.summary': [
    ['训练', 'DPO', [], []],
    ['训练', 'DPO', [{ metric: 'rewards/margins', value: 0.3 }], ['grad_norm']],
  ],
  'trlLog.steps': [
    [10, 10],
    [10, 200],
  ],
  'trlLog.findingTitle': TRL_LOG_FINDINGS,
  'trlLog.findingText': TRL_LOG_FINDINGS,
  'customLesson.loaded': [
    ['第七讲', 1],
    ['第七讲', 12],
  ],
  'customLesson.keptLast': [['第七讲']],
  'customLesson.stepNotice': [[3]],
  'customLesson.linkLong': [[12345]],
  // Every kind of problem, in a step and not, with every kind of expected type.
  'customLesson.problem': CUSTOM_PROBLEM_KINDS.flatMap((kind) => [
    [{ kind, field: 'title', given: 'x', limit: 10, expected: 'text' }],
    [{ kind, field: 'panels[0]', step: 2, given: 'plots', limit: 4, expected: 'list' }],
    [{ kind, field: '', step: 3, expected: 'object' }],
    [{ kind, field: '', expected: 'number' }],
  ]),
  'figures.trace.optimum': [['DPO']],
  'figures.trace.pushChosen': [['DPO']],
  'figures.trace.pushRejected': [['DPO']],
  'figures.trace.pushBoth': [['DPO']],
  'figures.trace.sweepChosen': [['DPO'], ['DPO', { dataset: 'ranking', rewards: [1, 0] }]],
  'figures.trace.sweepRejected': [['DPO'], ['DPO', { dataset: 'thumbs-down' }]],
  'figures.trace.currentValue': [['beta'], ['ref']],
  'figures.trace.trajectory': [['DPO']],
  'figures.trace.start': [['DPO']],
  'figures.trace.end': [['DPO']],
  'figures.hover.sweepValue': [['beta'], ['ref']],
  'figures.sweep.criterion': [[1e-9, 1e-9]],
  'figures.sweep.status': UNFINISHED_STATUSES.map((st) => [st]),
  'figures.sweep.unfinished': [
    [sweepParts, 'beta'],
    [unfinishedSweeps, 'beta'],
    [divergedSweeps, 'ref'],
  ],
  'figures.note.noFiniteOptimum': [
    ['DPO', 1, null],
    ['DPO', -1, 0.9],
  ],
  'figures.note.optimumOffPlot': [['IPO', 12]],
  'figures.note.offScale': [['IPO', 40]],
  'figures.note.marginOffPlot': [['DPO', 35.2]],
  'figures.note.pushTurns': [['IPO', 5]],
  'figures.note.simplexNeedsThree': [[2]],
  'figures.note.noTrajectory': [['DPO']],
  'figures.note.noReference': [['SimPO, ORPO']],
  'figures.note.noReferenceExplained': [['SimPO, ORPO']],
  'figures.note.noReferencePlane': [['ORPO']],
  'figures.note.metricsNoReference': [['SimPO, ORPO']],
  'figures.note.diverged': [[2]],
  'figures.note.metricNoData': [['rewards/accuracies'], ['rewards/chosen']],
  'figures.summary.loss': [
    [lossParts, 1, 0.1],
    [lossParts.map((p, i) => ({ ...p, at: { step: 40, margin: 2 + i } })), 1, 0.1],
  ],
  'figures.summary.gradient': [
    [gradientParts, 1, 0.1],
    [gradientParts.map((p) => ({ ...p, at: { step: 40, margin: 3 } })), 1, 0.1],
  ],
  'figures.summary.training': [
    [trainingParts],
    [trainingParts.slice(1)],
    [[trainingParts[0], divergedTraining]],
    [[]],
  ],
  'figures.summary.metrics': [[metricsParts], [[...metricsParts, divergedMetrics]], [[]]],
  'figures.summary.sweep': [
    [sweepParts, 'beta', 0.1, criterion],
    [sweepParts, 'beta', 0.12, criterion],
    [sweepParts, 'ref', 0.1, criterion],
    [divergedSweeps, 'beta', 0.1, criterion],
    [unfinishedSweeps, 'beta', 0.1, criterion],
    [[], 'beta', 0.1, criterion],
  ],
  'figures.summary.plane': [
    [plane],
    [{ ...plane, logCompressed: false, trajectory: null, current: null }],
    [{ ...plane, trajectory: { steps: 1, start: [0, 0], end: [40, -40], divergedAt: 2 } }],
  ],
  'figures.summary.simplex': [
    [simplex],
    [{ ...simplex, rlhfOptimum: null, runs: [] }],
    [{ ...simplex, runs: [...simplex.runs, { label: 'IPO', steps: 300, end: [1, 0, 0], divergedAt: 2 }] }],
  ],
};

// ---- What counts as a word to translate. ----

/** English strings that the Chinese tables may keep as they are: loss names, symbols and formulas. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  // A trainer's name in a read training log.
  'CPO/SimPO',
  // The thumbs-down example's log-ratio (a symbol).
  'ρ_A',
  // Response letters (ranking and thumbs-down data).
  'B',
  'DPO',
  'cDPO',
  'IPO',
  'KTO',
  'EXO',
  'NCA',
  'BCO',
  'DiscoPOP',
  'SimPO',
  'ORPO',
  'APO-zero',
  'APO-down',
  'SFT',
  'SGD',
  'Adam',
  'h',
  'π',
  'ρw',
  'ρl',
  'β',
  'π(y)',
  'π_ref(y_w)',
  'y₃',
  'y₄',
  'h = 0 (ρw = ρl)',
  'rewards/margins',
  // The compared runs' names and the two runs' table (symbols only).
  'β = 1',
  'p = 0.6',
  'π(y_w)',
  'π(y_l)',
  'KL(π‖πref)',
  'DPO · β = 1',
]);

/** Code (label_smoothing, rewards/margins, y_w, 1/(2β)) is never translated. */
const CODE = /[\w.-]*[_/][\w./-]*/g;
/**
 * Names (papers, TRL, its loss_type values and dataset fields, file formats, keys), function names, and the
 * terms that Chinese ML writing keeps in Latin letters (token, logistic, nats).
 */
const TERMS = [
  ...LOSS_IDS,
  ...['cDPO', 'DPO', 'IPO', 'KTO', 'KTOTrainer', 'EXO', 'NCA', 'BCO', 'SPPO', 'APO-zero', 'APO-down'],
  // TRL loss_type values that are not loss ids here (batch-only) and the name of its SFT loss.
  ...['aot', 'SFT'],
  // DPOConfig's length-desensitised (ld_alpha) and weighted (use_weighting) variants.
  ...['LD-DPO', 'WPO'],
  // The mixed preference optimisation recipe, a list of TRL losses (DPOConfig's docs).
  'MPO',
  // TR-DPO's moving reference, which TRL refuses with a PEFT (parameter-efficient fine-tuning) model.
  ...['PEFT'],
  ...['DiscoPOP', 'SLiC', 'SimPO', 'RLHF', 'TRL', 'SGD', 'Adam', 'KL', 'Hugging Face', 'Bradley–Terry'],
  // SimPO's and ORPO's trainers (trl.experimental) and the NLL term they add.
  ...['ORPO', 'CPOTrainer', 'ORPOTrainer', 'CPOConfig', 'ORPOConfig', 'trl.experimental', 'NLL'],
  ...['Python', 'PNG', 'SVG', 'CSV', 'JSON', 'prompt', 'completion', 'Ctrl', 'Mac', 'Tab'],
  // Key names, as printed on keyboards.
  ...['Page Up', 'Page Down', 'Home', 'End'],
  // Authors the paper presets and lessons cite (Razin et al., 2024; Ren & Sutherland, 2024).
  ...['Razin', 'Ren', 'Sutherland'],
  // TRL's DPO trainer class, and the softmax that Chinese ML writing keeps in Latin letters.
  ...['DPOTrainer', 'softmax'],
  // Names in a read training log: trainers and tools, the HF Trainer, the values Python writes into it.
  ...['CPO', 'GRPO', 'LLaMA-Factory', 'Trainer', 'NaN', 'Infinity'],
  // A paper is cited by its arXiv number in every language.
  'arXiv',
  ...['logit', 'logits', 'log', 'exp', 'max', 'min', 'ln', 'ref', 'nats', 'token', 'logistic'],
  // TRL's logged log-probabilities (logps/chosen, β·logps), named as the log names them.
  'logps',
  // A language tag in a custom lesson's messages (zh-Hant).
  'Hant',
];
// Longest first, so that 'APO-zero' wins over a shorter name at the same place.
const NAMES = new RegExp(`\\b(?:${[...TERMS].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');

/** The words of a string that a translation must translate (after code and names are removed). */
function words(text: string): string[] {
  return (
    text
      .replace(CODE, ' ')
      .replace(NAMES, ' ')
      .match(/[A-Za-z]{3,}/g) ?? []
  );
}

const HAN = /\p{Script=Han}/u;

/**
 * The words of a custom lesson file's format (state/lessons/custom.ts): its keys and the panel and control
 * names it takes, which the file spells in English in every language. Only the custom-lesson messages may
 * leave them untranslated (elsewhere 'loss' or 'training' in Chinese would be a missed translation).
 */
const FORMAT_WORDS = new RegExp(
  `\\b(?:${[
    ...['title', 'summary', 'steps', 'heading', 'text', 'state', 'panels', 'controls', 'formula'],
    ...['question', 'prompt', 'choices', 'answer', 'explain', 'revealAt', 'end', 'plots'],
    ...CUSTOM_PANELS,
    ...LESSON_CONTROLS,
  ].join('|')})\\b`,
  'g',
);

/** The words a Chinese message leaves in English, after what its part may keep. */
const zhWords = (l: Leaf): string[] =>
  words(l.path.startsWith('customLesson.') ? l.zh.replace(FORMAT_WORDS, ' ') : l.zh);

// ---- Walking a table against its English counterpart. ----

interface Leaf {
  path: string;
  en: string;
  zh: string;
}

function walk(en: unknown, zh: unknown, path: string, leaves: Leaf[], problems: string[], used: Set<string>) {
  if (typeof en !== typeof zh) {
    problems.push(`${path}: ${typeof zh} where English has ${typeof en}`);
    return;
  }
  if (typeof en === 'string') {
    leaves.push({ path, en, zh: zh as string });
  } else if (typeof en === 'function') {
    const samples = SAMPLES[path];
    if (!samples) {
      problems.push(`${path}: no sample arguments in SAMPLES`);
      return;
    }
    used.add(path);
    for (const args of samples) {
      const e: unknown = en(...args);
      const z: unknown = (zh as (...a: unknown[]) => unknown)(...args);
      const at = `${path}(${JSON.stringify(args).slice(1, 60)})`;
      if (typeof e !== 'string' || typeof z !== 'string') problems.push(`${at}: does not return a string`);
      else leaves.push({ path: at, en: e, zh: z });
    }
  } else if (en && typeof en === 'object') {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zh as object).sort();
    for (const k of enKeys) if (!zhKeys.includes(k)) problems.push(`${path}.${k}: missing`);
    for (const k of zhKeys) if (!enKeys.includes(k)) problems.push(`${path}.${k}: not in the English table`);
    for (const k of enKeys) {
      if (zhKeys.includes(k))
        walk(
          (en as Record<string, unknown>)[k],
          (zh as Record<string, unknown>)[k],
          `${path}.${k}`,
          leaves,
          problems,
          used,
        );
    }
  } else {
    problems.push(`${path}: unexpected ${typeof en}`);
  }
}

/** Every part of a language table (all but its tag and its own name, which differ by design). */
const PARTS = [
  'losses',
  'controls',
  'readout',
  'shell',
  'views',
  'trl',
  'figures',
  'presets',
  'timeCursor',
  'compare',
  'thumbs',
  'lessonUi',
  'customLesson',
  'trlLog',
] as const;

function collect(): { leaves: Leaf[]; problems: string[]; used: Set<string> } {
  const leaves: Leaf[] = [];
  const problems: string[] = [];
  const used = new Set<string>();
  for (const part of PARTS) walk(EN[part], ZH[part], part, leaves, problems, used);
  return { leaves, problems, used };
}

describe('the language tables', () => {
  it('list English and Chinese, each with its own table and <html lang> tag', () => {
    expect(LANGUAGES.en).toBe(EN);
    expect(LANGUAGES.zh).toBe(ZH);
    expect([EN.tag, EN.name, ZH.tag, ZH.name]).toEqual(['en', 'English', 'zh-CN', '中文']);
    // The table has exactly these parts, and the walk below covers every one of them.
    // (The lessons' own words are templates over each lesson's facts: the lesson tests walk them.)
    for (const t of [EN, ZH])
      expect(Object.keys(t).sort()).toEqual(['name', 'tag', 'lessons', ...PARTS].sort());
  });

  it('name each loss once: one row per loss, no two losses sharing a name or a label', () => {
    for (const t of [EN, ZH]) {
      expect(Object.keys(t.losses).sort()).toEqual([...LOSS_IDS].sort());
      const rows = Object.values(t.losses);
      expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
      expect(new Set(rows.map((r) => r.label)).size).toBe(rows.length);
      // The plots name a loss by its label: the same row as everywhere else.
      for (const id of LOSS_IDS) expect(t.figures.lossLabel(id)).toBe(t.losses[id].label);
    }
  });

  it('Chinese has every key of the English tables, with the same type, and every message is a non-empty string', () => {
    const { leaves, problems, used } = collect();
    expect(problems).toEqual([]);
    expect(leaves.filter((l) => l.en.trim() === '' || l.zh.trim() === '').map((l) => l.path)).toEqual([]);
    // Every sample list belongs to a function that still exists.
    expect(Object.keys(SAMPLES).filter((p) => !used.has(p))).toEqual([]);
  });

  it('only formulas, symbols and TRL names stay as they are in English', () => {
    const same = collect()
      .leaves.filter((l) => l.zh === l.en && !SAME_IN_EVERY_LANGUAGE.has(l.en))
      .map((l) => `${l.path}: ${l.en}`);
    expect(same).toEqual([]);
    // The allow-list itself holds no words to translate.
    expect([...SAME_IN_EVERY_LANGUAGE].filter((s) => words(s).length > 0)).toEqual([]);
  });

  it('Chinese is written in Chinese wherever the English has words, with no English words left over', () => {
    const { leaves } = collect();
    expect(leaves.filter((l) => words(l.en).length > 0 && !HAN.test(l.zh)).map((l) => l.path)).toEqual([]);
    expect(
      leaves.filter((l) => zhWords(l).length > 0).map((l) => `${l.path}: ${zhWords(l).join(' ')}`),
    ).toEqual([]);
  });

  it('the word checks notice an untranslated message', () => {
    expect(words('Learning rate')).toEqual(['Learning', 'rate']);
    expect(words('Not a TRL loss_type since TRL 0.29')).toEqual(['Not', 'since']);
    expect(words('π* ∝ π_ref·exp(r/β)')).toEqual([]);
    expect(words('学习率')).toEqual([]);
  });
});

describe('scenario translations', () => {
  const numbers = (s: string): string[] => (s.match(/\d+(\.\d+)?/g) ?? []).sort();

  it('cover exactly the scenarios', () => {
    const ids = TOY_SCENARIOS.map((s) => s.id).sort();
    expect([...SCENARIO_IDS].sort()).toEqual(ids);
    expect(Object.keys(ZH.presets).sort()).toEqual(ids);
    expect(Object.keys(EN.presets).sort()).toEqual(ids);
  });

  it.each(SCENARIO_IDS)(
    '%s says the same numbers in Chinese, as loaded and with every claim dropped',
    (id) => {
      const en = EN.presets[id];
      const zh = ZH.presets[id];
      expect(HAN.test(zh.title)).toBe(true);
      expect(numbers(zh.title)).toEqual(numbers(en.title));
      for (const [facts] of scenarioSamples(id)) {
        const e = (en.explanation as (f: unknown) => string)(facts);
        const z = (zh.explanation as (f: unknown) => string)(facts);
        expect(HAN.test(z)).toBe(true);
        expect(numbers(z)).toEqual(numbers(e));
      }
    },
  );
});
