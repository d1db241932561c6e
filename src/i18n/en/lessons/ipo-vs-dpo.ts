// Lesson 'ipo-vs-dpo' in English (facts: i18n/types/lessons/ipo-vs-dpo.ts). Every number is a fact's, and a
// claim is made only while its `…Holds` fact says it is true of the state on screen.
import type { LessonText } from '../../types/lessons.ts';
import type { IpoVsDpoFacts } from '../../types/lessons/ipo-vs-dpo.ts';
import { c3 } from '../../figureFormat.ts';

const say = (...parts: (string | false | null)[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join(' ')
    .replace(/ *\n\n */g, '\n\n')
    .trim();
const tuple = (xs: readonly number[]): string => `(${xs.map(c3).join(', ')})`;
const NOT_D1 =
  'These data are not the IPO paper’s D₁ (three answers in a certain order, a uniform reference, one free ' +
  'logit per answer starting there): load the step again to see it.';

export const EN_ipoVsDpo: LessonText<IpoVsDpoFacts> = {
  title: 'DPO over-fits, IPO does not',
  summary:
    'The IPO paper’s example: with certain preferences DPO runs to (1, 0, 0) whatever τ is, IPO stops at 1/(3τ), and noise is what stops DPO.',
  steps: [
    {
      heading: 'Three answers, three certain preferences',
      body: (f) =>
        say(
          f.d1.d1Holds
            ? 'Three answers A, B, C and the IPO paper’s data set D₁ (Azar and colleagues, §5.4): A ≻ B, B ≻ C ' +
                'and A ≻ C, every label certain. The policy is a softmax over one free logit per answer, ' +
                `starting at a uniform reference and trained by Adam at learning rate ${c3(f.d1.learningRate)}.`
            : NOT_D1,
          f.ipoAtT !== null &&
            (f.atStartHolds && f.uniformAtTHolds
              ? `At step 0 nothing has been learnt: π = ${tuple(f.ipoAtT)}, the reference.`
              : `At step ${c3(f.t)} IPO’s π = ${tuple(f.ipoAtT)}.`),
          '\n\nIPO (TRL’s loss_type="ipo") regresses each pair’s margin h onto 1/(2τ); TRL’s β is the paper’s ' +
            'τ, and with one token per answer TRL’s per-token normalisation of IPO changes nothing.',
          `Here τ = ${c3(f.d1.tau)}.`,
        ),
    },
    {
      heading: 'Predict: where does DPO go?',
      body: (f) =>
        say(
          f.d1.d1Holds ? 'The same data, now trained with DPO (loss_type="sigmoid").' : NOT_D1,
          `Here τ = ${c3(f.d1.tau)}, and training runs for ${c3(f.steps)} steps.`,
          f.dpoAtT !== null &&
            (f.atStartHolds && f.uniformAtTHolds
              ? `At step 0 π = ${tuple(f.dpoAtT)}, the reference.`
              : `At step ${c3(f.t)} DPO’s π = ${tuple(f.dpoAtT)}.`),
        ),
      question: {
        prompt: 'Where does DPO’s policy end on D₁, at this τ?',
        choices: [
          'At a finite point like IPO’s, with all three answers still likely',
          'Heading for (1, 0, 0): A takes everything, for as long as you train',
          'Back at the uniform reference: the three preferences cancel out',
        ],
        explain: (f) =>
          f.d1.dpoChosenEnd === null || f.d1.dpoGapEnd === null
            ? 'Tick DPO to see where it goes.'
            : f.d1.dpoRunsOnHolds
              ? `After ${c3(f.steps)} steps DPO’s π(A) = ${c3(f.d1.dpoChosenEnd)} and θ_A − θ_B = ` +
                `${c3(f.d1.dpoGapEnd)}, still growing at every step. With certain labels a wider margin always ` +
                'lowers −log σ(τh) a little more, so nothing holds π back from (1, 0, 0).'
              : `After ${c3(f.steps)} steps DPO’s π(A) = ${c3(f.d1.dpoChosenEnd)}, with θ_A − θ_B = ` +
                `${c3(f.d1.dpoGapEnd)}.`,
      },
    },
    {
      heading: 'DPO: (1, 0, 0) for every τ',
      body: (f) => {
        const vs = f.vsD1;
        const a = f.d1.dpoChosenEnd;
        const b = vs?.dpoChosenEnd ?? null;
        return say(
          f.d1.d1Holds ? '' : NOT_D1,
          vs !== null && f.vsTau !== null && a !== null && b !== null
            ? `Solid: τ = ${c3(f.d1.tau)}; dotted (dashed in the simplex): τ = ${c3(f.vsTau)}. After ${c3(f.steps)} steps DPO’s π(A) is ` +
                `${c3(a)} and ${c3(b)}` +
                (f.d1.dpoRunsOnHolds && vs.dpoRunsOnHolds
                  ? ', and in both runs every gap between the logits is still growing at every step.'
                  : '.')
            : a !== null && `After ${c3(f.steps)} steps DPO’s π(A) = ${c3(a)} at τ = ${c3(f.d1.tau)}.`,
          f.d1.dpoRunsOnHolds &&
            (vs === null || vs.dpoRunsOnHolds) &&
            '\n\nA larger τ only slows the climb. On certain preferences DPO’s optimum is at an infinite margin ' +
              'for every τ, so τ, the strength of the KL penalty, never stops it: the paper’s point is that ' +
              'the regularisation vanishes when preferences are deterministic, and DPO over-fits the data.',
        );
      },
    },
    {
      heading: 'IPO stops at 1/(3τ)',
      body: (f) => {
        const vs = f.vsD1;
        const one = (d: IpoVsDpoFacts['d1']): string | false =>
          d.ipoFixedPoint !== null &&
          d.ipoEnd !== null &&
          (d.ipoSettlesHolds
            ? `τ = ${c3(d.tau)}: IPO stops where θ_A − θ_B = θ_B − θ_C = 1/(3τ) = ${c3(d.ipoFixedPoint)}, ` +
              `π = ${tuple(d.ipoEnd)}` +
              (d.matchesPaperHolds && d.paperProbs !== null
                ? `; the paper reports ${tuple(d.paperProbs)}, within ${c3(d.paperTolerance)}.`
                : '.')
            : `τ = ${c3(d.tau)}: 1/(3τ) = ${c3(d.ipoFixedPoint)}, and where training ends IPO’s π = ` +
              `${tuple(d.ipoEnd)}.`);
        return say(
          f.d1.d1Holds ? '' : NOT_D1,
          f.d1.ipoEnd === null ? 'Tick IPO to see where it stops.' : 'Solid lines,',
          one(f.d1),
          vs !== null && vs.ipoEnd !== null && 'Dotted lines (dashed in the simplex),',
          vs !== null && one(vs),
          f.d1.ipoSettlesHolds &&
            '\n\nWhy 1/(3τ): each pair pulls its own margin towards 1/(2τ), but the three margins are tied ' +
              '(h_AC = h_AB + h_BC). The least-squares compromise is h_AB = h_BC = 1/(3τ) and h_AC = 2/(3τ): ' +
              'a finite point for every τ, and a larger τ keeps π closer to the reference.',
        );
      },
    },
    {
      heading: 'Noise is what stops DPO',
      body: (f) => {
        const n = f.noisy;
        return say(
          n.pairHolds
            ? `Now one pair whose label is right a share p = ${c3(n.p)} of the time, at τ = ${c3(n.beta)}.`
            : 'These data are not one preference pair: load the step again to see it.',
          n.dpoOptimum !== null &&
            n.dpoChosenEnd !== null &&
            (n.dpoEndsAtPHolds && n.uniformPairHolds
              ? 'DPO’s expected loss p·(−log σ(τh)) + (1 − p)·(−log σ(−τh)) is lowest where τh = logit p, a ' +
                `finite margin h* = ${c3(n.dpoOptimum)}: DPO stops there, with π(y_w) = ${c3(n.dpoChosenEnd)}, ` +
                'the preference itself.'
              : `DPO’s optimum margin is h* = logit(p)/τ = ${c3(n.dpoOptimum)}, and its π(y_w) ends at ` +
                `${c3(n.dpoChosenEnd)}.`),
          n.dpoEndsAtPHolds &&
            n.pairHolds &&
            n.p < 1 &&
            '\n\nThe flipped labels push back, harder the wider the margin, and that is what holds DPO at a ' +
              'finite point. With certain labels (D₁) nothing pushes back: logit p is infinite, and τ cannot ' +
              'replace the missing noise.',
          n.ipoOptimum !== null &&
            n.ipoChosenEnd !== null &&
            (n.ipoEndsAtOptimumHolds
              ? `IPO’s target (2p − 1)/(2τ) = ${c3(n.ipoOptimum)} is finite for every p, so IPO stops either ` +
                `way (here π(y_w) = ${c3(n.ipoChosenEnd)}).`
              : `IPO’s target margin is (2p − 1)/(2τ) = ${c3(n.ipoOptimum)}; its π(y_w) ends at ` +
                `${c3(n.ipoChosenEnd)}.`),
        );
      },
    },
  ],
};
