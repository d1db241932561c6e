// The words around an instructor's own lesson (state/lessons/custom.ts): the file loader, its problems in
// plain language, and the "make a link" helper. The lesson's own words are the instructor's, in one language.
import type { CustomLessonProblem } from '../../state/lessons/custom.ts';

export interface CustomLessonStrings {
  heading: string;
  /** What the loader does, one sentence. */
  intro: string;
  chooseFile: string;
  dropHere: string;
  /** The example file's link text. */
  example: string;
  /** A lesson has been read: its title and number of steps. */
  loaded: (title: string, steps: number) => string;
  problemsHeading: string;
  /** Above the problems of a link's `lessondata=`, in the notice banner (the rest of the link is used). */
  linkProblemsHeading: string;
  /** Said under the problems when an earlier lesson is still loaded. */
  keptLast: (title: string) => string;
  /** One problem, naming its step and field. */
  problem: (p: CustomLessonProblem) => string;
  /** A step's state link said something (the notice's own text follows). */
  stepNotice: (step: number) => string;
  /** The file could not be read at all (a folder, a permissions error). */
  unreadable: string;
  makeLink: string;
  linkLabel: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
  /** The link is longer than some tools keep. */
  linkLong: (chars: number) => string;
}
