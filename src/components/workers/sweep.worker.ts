// Runs the sweeps view's sweeps (up to 80 trainings per loss) off the main thread, so a slider never waits
// for them.
import { computeSweeps } from '../../derive/sweeps.ts';
import type { ToyFields } from '../../derive/toy.ts';
import { answerRequests } from './answerRequests.ts';

answerRequests<ToyFields>((fields) => ({ reply: { sweeps: computeSweeps(fields) } }));
