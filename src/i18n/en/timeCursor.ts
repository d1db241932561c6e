// English strings of the time cursor.
import type { TimeCursorStrings } from '../types/timeCursor.ts';

export const EN_TIME_CURSOR: TimeCursorStrings = {
  label: 'Step shown',
  play: 'Play',
  pause: 'Pause',
  stepBack: 'One step back',
  stepForward: 'One step forward',
  valueText: (step, steps) => `step ${step} of ${steps}`,
  stepOfSteps: (step, steps) => `step ${step} of ${steps}`,
  helpSummary: 'How it works',
  help:
    'Every view shows the toy policy at this step of its training. Play runs through training in a few ' +
    'seconds (from the start when it is at the end). On the slider: arrow keys move one step, Page Up and ' +
    'Page Down a tenth, Home and End go to the start and the end, and the space bar plays and pauses.',
  reducedMotionHelp:
    'Your system asks for reduced motion, so Play does not animate: it jumps through training in a few ' +
    'large steps.',
  divergedStep: (step, divergedAt) =>
    `Training diverged at step ${divergedAt}: these are the numbers of step ${step}, the last before it.`,
  untrainedStart: 'Nothing to train on these data: the start pair.',
};
