// The links the lesson player writes, from the one codec every link goes through (urlCodec.ts).
import type { AppState } from '../../state/appState.ts';
import type { LessonId } from '../../state/lessons/types.ts';
import { lessonBaseState, stateToHash } from '../../state/urlCodec.ts';

/** The free explorer at `state` (the lesson and step dropped): "Try it yourself". */
export function tryItHref(state: Readonly<AppState>): string {
  return stateToHash({ ...state, lesson: '', lessonStep: 1 }) || '#';
}

/** Lesson `id` at `step`, seen as this viewer sees the page (theme, language, embedding, controls). */
export function lessonStepHref(id: LessonId, step: number, viewer: Readonly<AppState>): string {
  return stateToHash({
    ...lessonBaseState(id, step),
    theme: viewer.theme,
    lang: viewer.lang,
    embed: viewer.embed,
    showControls: viewer.showControls,
  });
}

/** Whether a key press comes from a field that uses the arrow keys itself (text, slider, select, radio). */
export function ownsArrowKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['button', 'submit', 'reset', 'checkbox'].includes(target.type);
  const role = target.getAttribute('role');
  return (
    role === 'slider' || role === 'radio' || role === 'listbox' || role === 'combobox' || role === 'textbox'
  );
}
