// English strings of the lesson player (types/lessonUi.ts).
import type { LessonUiStrings } from '../types/lessonUi.ts';

export const EN_LESSON_UI: LessonUiStrings = {
  menuButton: 'Lessons',
  menuHeading: 'Lessons',
  menuIntro:
    'Each lesson is a short path of steps: a few sentences, the views that matter, and a question before the answer.',
  stepOf: (step, count) => `Step ${step} of ${count}`,
  contents: 'Steps',
  navigation: 'Lesson navigation',
  back: '← Back',
  next: 'Next →',
  keysHelp: 'The ← and → keys move between steps.',
  tryIt: 'Try it yourself',
  tryItQuiet: 'Open this step in the explorer',
  exit: 'Exit lesson',
  everyView: 'Show every view',
  openOwn: 'Open your own lesson…',
  controlsHeading: 'Controls for this step',
  readoutPanel: 'The numbers',
  formula: 'Formula',
  answerFirst: 'Make your prediction first: the views show the answer, so they open once you have chosen.',
  metricsPanel: 'What TRL would log',
  predict: 'Predict first',
  right: 'Right.',
  wrong: (answer) => `Not quite: the answer is “${answer}”.`,
  revealing: 'Playing the training…',
  whatHappened: 'What happened',
  openLesson: 'Open this lesson',
};
