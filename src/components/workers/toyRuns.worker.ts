// Trains a heavy state's runs (every loss × thousands of steps) off the main thread, so opening or editing
// such a state never blocks the page (heavyRuns.ts decides what is heavy and which request is current).
import { computeTrainingRuns, type ToyFields } from '../../derive/toy.ts';
import { packRuns } from '../../derive/packedRuns.ts';
import { answerRequests } from './answerRequests.ts';

answerRequests<ToyFields>((fields) => {
  // Packed into transferred buffers: cloning the runs as they are costs the page more than training them.
  const { packed, transfer } = packRuns(computeTrainingRuns(fields));
  return { reply: { packed }, transfer };
});
