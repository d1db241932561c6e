// English words around an instructor's own lesson: the file loader, its problems, the link helper.
import type { CustomLessonStrings } from '../types/customLesson.ts';
import type { CustomLessonProblem } from '../../state/lessons/custom.ts';

const EXPECTED = { text: 'text', list: 'a list', number: 'a number', object: 'an object { … }' } as const;

function where(p: CustomLessonProblem): string {
  const field = p.field ? `“${p.field}”` : '';
  if (p.step === undefined) return field || 'The file';
  return field ? `Step ${p.step}, ${field}` : `Step ${p.step}`;
}

function problem(p: CustomLessonProblem): string {
  const at = where(p);
  switch (p.kind) {
    case 'too-large':
      return `The lesson is too large (${p.given ?? 'over'} bytes; at most ${p.limit ?? ''}). Shorten its text or split it into two lessons.`;
    case 'not-json':
      return 'This is not a JSON file (check for a missing comma, quote or bracket).';
    case 'not-object':
      return `${at} should be an object in braces { … }.`;
    case 'missing':
      return `${at} is missing or empty.`;
    case 'wrong-type':
      return `${at} should be ${EXPECTED[p.expected ?? 'text']}.`;
    case 'too-long':
      return `${at} is too long (${p.given ?? ''} characters; at most ${p.limit ?? ''}).`;
    case 'no-steps':
      return 'The lesson has no steps: “steps” is an empty list.';
    case 'too-many':
      return `${at} has too many items (${p.given ?? ''}; at most ${p.limit ?? ''}).`;
    case 'too-few':
      return `${at} has too few items (${p.given ?? ''}; at least ${p.limit ?? ''}).`;
    case 'unknown-panel':
      return `${at}: “${p.given ?? ''}” is not a panel. Use loss, gradient, training, sweeps, plane, simplex, metrics or readout.`;
    case 'unknown-control':
      return `${at}: “${p.given ?? ''}” is not a control. Use time, beta, p, ref, loss, compare, kto or sft.`;
    case 'bad-answer':
      return `${at} must be the number of a choice, counting from 0 (it is ${p.given ?? ''}).`;
    case 'bad-reveal':
      return `${at} must be "end" or a training step (it is ${p.given ?? ''}).`;
    case 'bad-lang':
      return `${at} must be a language tag such as "en", "zh" or "zh-Hant" (it is ${p.given ?? ''}).`;
    case 'bad-link':
      return 'The lesson in this link is damaged (it may have been cut short when it was copied).';
  }
}

export const EN_CUSTOM_LESSON: CustomLessonStrings = {
  heading: 'Your own lesson',
  intro:
    'Load a lesson written as a JSON file: a title and a list of steps, each with its text, a link state and the views it shows.',
  chooseFile: 'Choose a lesson file…',
  dropHere: 'or drop it here',
  example: 'An example file',
  loaded: (title, steps) => `Loaded “${title}”: ${steps} ${steps === 1 ? 'step' : 'steps'}.`,
  problemsHeading: 'This file could not be used as a lesson',
  linkProblemsHeading: 'The lesson in this link could not be opened:',
  keptLast: (title) => `The lesson loaded before, “${title}”, is kept.`,
  problem,
  stepNotice: (step) => `Step ${step}, its state:`,
  unreadable: 'The file could not be read.',
  makeLink: 'Make a link to this lesson',
  linkLabel: 'Link to the lesson',
  copyLink: 'Copy link',
  copied: 'Link copied.',
  copyFailed: 'Could not copy: select the link and copy it by hand.',
  linkLong: (chars) =>
    `This link is ${chars.toLocaleString('en')} characters long; some mail and course tools cut long links. If it does not open, share the file instead.`,
};
