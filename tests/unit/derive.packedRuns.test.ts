// Runs cross from the training worker as flat transferred buffers (src/derive/packedRuns.ts): unpacked, they
// are the runs computeTrainingRuns returned, entry for entry.
import { describe, expect, it } from 'vitest';
import { packRuns, unpackRuns } from '../../src/derive/packedRuns.ts';
import {
  computeTrainingRuns,
  HEAVY_TRAINING_WORK,
  isHeavyTraining,
  TOY_FIELDS,
  trainingSizeOf,
} from '../../src/derive/toy.ts';
import { pickFields } from '../../src/state/pickFields.ts';
import { parseHash } from '../../src/state/urlCodec.ts';

const fieldsOf = (hash: string) => pickFields(parseHash(hash).state, TOY_FIELDS);

describe('packed runs', () => {
  it('unpack to the same runs, metric order, divergence and untrainable losses included', () => {
    const cases = [
      '#v=2&loss=sigmoid,ipo,kto&k=4&steps=300',
      // A diverging run (IPO under SGD at lr = 10, NaN after step 96) and a thumbs-down state with untrainable pair losses.
      '#v=2&loss=sigmoid,ipo&opt=sgd&lr=10&steps=120',
      '#v=2&loss=sigmoid,kto,apo_zero_unpaired&data=thumbs-down&steps=40',
    ].map((hash) => computeTrainingRuns(fieldsOf(hash)));
    // The cases cover what they say: a diverged run, and a loss the data cannot train.
    expect(cases[1].runs.some((r) => r.divergence)).toBe(true);
    expect(cases[2].untrainable).toEqual(['sigmoid']);
    for (const runs of cases) {
      const { packed, transfer } = packRuns(runs);
      expect(transfer.length).toBeGreaterThan(0);
      const back = unpackRuns(structuredClone(packed, { transfer }));
      expect(back).toEqual(runs);
      back.runs.forEach((r, i) => {
        expect(Object.keys(r.metrics)).toEqual(Object.keys(runs.runs[i].metrics));
        // The recorder hands out one array for `loss` and metrics.loss: still one after the trip.
        expect(r.metrics.loss).toBe(r.loss);
      });
    }
  });
});

describe('which trainings are heavy', () => {
  it('counts K × (steps + 1) × the losses the data can train', () => {
    const s = fieldsOf('#v=2&loss=sigmoid,ipo,kto&k=6&steps=2000');
    expect(trainingSizeOf(s)).toEqual({ responses: 6, steps: 2000, losses: 3 });
    expect(isHeavyTraining(s)).toBe(6 * 2001 * 3 > HEAVY_TRAINING_WORK);
    const thumbs = fieldsOf('#v=2&loss=sigmoid,ipo,kto&k=6&steps=2000&data=thumbs-down');
    expect(trainingSizeOf(thumbs).losses).toBe(1);
  });

  it('the default screen trains in place; every loss at 2,000 steps with K = 6 does not', () => {
    expect(isHeavyTraining(fieldsOf(''))).toBe(false);
    expect(
      isHeavyTraining(
        fieldsOf(
          '#v=2&loss=sigmoid,cdpo,robust,ipo,hinge,exo_pair,nca_pair,bco_pair,sppo_hard,apo_zero,apo_down,discopop,sigmoid_norm,kto,apo_zero_unpaired&k=6&steps=2000',
        ),
      ),
    ).toBe(true);
  });
});
