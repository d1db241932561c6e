// A lesson step's words about the state on screen: its body (and, once answered, its question's explanation)
// from derive/lessons with the views' own runs, read from the paced mirror like every view (useToyFields,
// useRunsOf), so each number it states is one the plots draw at that moment. While a heavy training is under
// way it says so instead of speaking of older runs (as PresetExplanation does).
import { useMemo } from 'react';
import type { LessonId } from '../../state/lessons/types.ts';
import type { LessonTexts } from '../../i18n/types/lessons.ts';
import { lessonStepText, type LessonFactsInput } from '../../derive/lessons/index.ts';
import { compareOf, compareRunsOf } from '../../derive/compare.ts';
import { useViewStore } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import { useRunsOf, useToyFields, useTrainingPending } from '../views/useToyRuns.ts';

/** The step's body and explanation in one language (a generic helper, so the id and its text agree). */
function textOf<K extends LessonId>(
  texts: LessonTexts,
  id: K,
  input: LessonFactsInput,
): { body: string; explain: string | null } {
  return lessonStepText(texts[id], id, input);
}

/** The text of lesson `id`'s step `step` (from 0), or the "training…" note while its runs are not ready. */
export function useLessonStepText(
  id: LessonId,
  step: number,
): { body: string; explain: string | null } | { pending: string } {
  const texts = useStrings().lessons;
  const toy = useToyFields();
  const compare = useViewStore((st) => st.compare);
  const t = useViewStore((st) => st.t);
  const runs = useRunsOf('main', toy);
  const vs = useMemo(() => compareOf({ ...toy, compare }), [toy, compare]);
  const vsRuns = useRunsOf('compare', vs.status === 'on' ? vs.state : null);
  const pending = useTrainingPending(toy);
  return useMemo(() => {
    if (runs === null || (vs.status === 'on' && vsRuns === null)) return { pending };
    return textOf(texts, id, { step, s: { ...toy, compare, t }, runs, trainCompared: compareRunsOf });
  }, [runs, vs.status, vsRuns, pending, texts, id, step, toy, compare, t]);
}

/** Plain paragraphs, split on blank lines (the text is never HTML). */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className={className}>
          {p}
        </p>
      ))}
    </>
  );
}
