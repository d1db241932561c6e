// The instructor's lesson the page is showing (`lesson: 'custom'` in the state). The state names it only as
// 'custom': the lesson itself (up to 32 kB) is not a field of the state, which every selector, patch and
// comparison would copy. It is the one lesson of the page, set by the store when a link with `lessondata=`
// is read or a file is loaded, and read by the link writer (which writes it back as `lessondata=`), the
// sanitiser (its step count) and the player. `data` is the exact `lessondata=` value, so a link read and
// written again is the same link.
import type { CustomLesson } from './custom.ts';
import { LESSONS } from './index.ts';
import type { LessonId } from './types.ts';

/** The `lesson` value of an instructor's own lesson (never read from `lesson=`: its data is `lessondata=`). */
export const CUSTOM_LESSON_ID = 'custom';
export type CustomLessonId = typeof CUSTOM_LESSON_ID;

export interface LoadedCustomLesson {
  /** The `lessondata=` value: base64url of the lesson's UTF-8 JSON. */
  data: string;
  lesson: CustomLesson;
}

let loaded: LoadedCustomLesson | null = null;

export function loadedCustomLesson(): LoadedCustomLesson | null {
  return loaded;
}

/** Only the store calls this (loadHash, openCustomLesson), and tests. */
export function setLoadedCustomLesson(next: LoadedCustomLesson | null): void {
  loaded = next;
}

/** How many steps lesson `id` has: a built-in one's, or the loaded lesson's (0 when none is loaded). */
export function lessonStepCount(id: LessonId | CustomLessonId): number {
  return id === CUSTOM_LESSON_ID ? (loaded?.lesson.steps.length ?? 0) : LESSONS[id].steps.length;
}
