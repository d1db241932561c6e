// Every visible string of the lesson player (components/lessons/): the lesson menu, the presenter layout's
// heading and navigation, predict-then-reveal, and the embed. The lessons' own words are in ./lessons.ts.

export interface LessonUiStrings {
  /** The button on the normal page that opens the list of lessons, and the list's heading. */
  menuButton: string;
  menuHeading: string;
  /** One sentence above the list: what a lesson is. */
  menuIntro: string;
  /** "Step 2 of 7". */
  stepOf: (step: number, count: number) => string;
  /** The table of contents' heading and accessible name. */
  contents: string;
  /** The navigation's accessible name. */
  navigation: string;
  back: string;
  next: string;
  /** How to move with the keyboard. */
  keysHelp: string;
  /** On the last step: the free explorer at this step's state. */
  tryIt: string;
  /** Every other step: the same link, quieter. */
  tryItQuiet: string;
  exit: string;
  /** The disclosure holding the views this step does not need. */
  everyView: string;
  /** In the lesson menu: the disclosure holding the loader of an instructor's own lesson file. */
  openOwn: string;
  /** The heading of the controls a step needs. */
  controlsHeading: string;
  /** The names of the panels a step may show that are not views. */
  readoutPanel: string;
  metricsPanel: string;
  /** The accessible name of a step's formula (a box that scrolls when the formula is wider than the text). */
  formula: string;
  /** Over a question step's panels until it is answered: they would show the answer. */
  answerFirst: string;
  /** The question's legend: the reader predicts before the answer is shown. */
  predict: string;
  /** Said once answered. */
  right: string;
  wrong: (answer: string) => string;
  /** While the training plays to the revealed step. */
  revealing: string;
  /** Heading of the explanation shown once answered. */
  whatHappened: string;
  /** In an embed: opens the lesson at this step in a new page. */
  openLesson: string;
}
