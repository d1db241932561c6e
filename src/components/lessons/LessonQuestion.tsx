// Predict, then reveal (Distill): the question is asked with the views at the step's own `t`; a choice (a
// click, or its number key) says right or wrong, plays the training to `revealAt` with the time cursor's own
// playback (playback.ts; jumped to with prefers-reduced-motion) and then shows the explanation, which is
// about the revealed state. The answer is local: re-entering the step (a new key) asks again.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { LessonQuestion as QuestionData } from '../../state/lessons/types.ts';
import type { LessonQuestionText } from '../../i18n/types/lessons.ts';
import { useStoreApi } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import { FRAME_MS, playStepAt } from '../controls/playback.ts';
import { ownsArrowKeys } from './lessonLinks.ts';
import { Paragraphs } from './LessonText.tsx';
import { notePlaying } from '../adjusting.ts';

function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** The step the answer reveals: the end of training, or the question's own step (never past the end). */
export function revealStep(question: QuestionData, steps: number): number {
  const at = question.revealAt ?? 'end';
  return at === 'end' ? steps : Math.max(0, Math.min(steps, Math.round(at)));
}

export function LessonQuestion({
  question,
  text,
  explain,
  onAnswer,
  textLang,
}: {
  question: QuestionData;
  /** Told when a choice is made (the page lifts the veil over the step's panels). */
  onAnswer?: () => void;
  /** Its words (the step's question text); `explain`: the explanation about the state on screen. */
  text: LessonQuestionText<never>;
  explain: string | null;
  /** The language of the question's own words when it is not the page's (LessonPage.tsx). */
  textLang?: string;
}) {
  const s = useStrings().lessonUi;
  const api = useStoreApi();
  const [chosen, setChosen] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const legendId = useId();

  const stop = useCallback(function stopReveal() {
    if (timer.current !== null) {
      clearInterval(timer.current);
      notePlaying(false, stopReveal);
    }
    timer.current = null;
    setPlaying(false);
  }, []);
  useEffect(() => stop, [stop]);

  const choose = useCallback(
    (i: number) => {
      if (chosen !== null) return;
      setChosen(i);
      onAnswer?.();
      const st = api.getState();
      const target = revealStep(question, st.steps);
      const from = st.t;
      if (prefersReducedMotion() || from >= target) {
        st.update({ t: target });
        return;
      }
      const loads = st.loads;
      const started = Date.now();
      setPlaying(true);
      notePlaying(true, stop);
      timer.current = setInterval(() => {
        const now = api.getState();
        // The state was replaced meanwhile (another step, a link): stop where it is.
        if (now.loads !== loads) return stop();
        const next = Math.min(target, playStepAt(from, target, Date.now() - started, false));
        if (next !== now.t) now.update({ t: next });
        if (next >= target) stop();
      }, FRAME_MS);
    },
    [api, chosen, onAnswer, question, stop],
  );

  // The number keys answer (1 = the first choice), unless typing in a field.
  useEffect(() => {
    if (chosen !== null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsArrowKeys(e.target)) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= question.choices) {
        e.preventDefault();
        choose(n - 1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [chosen, choose, question.choices]);

  const answered = chosen !== null;
  // The explanation is computed from the state on screen, so it may stay while the cursor moves on.
  const revealed = answered && !playing;
  return (
    <section className="lesson-question" aria-labelledby={legendId}>
      <h3 id={legendId} className="lesson-question-legend">
        {s.predict}
      </h3>
      <p className="lesson-question-prompt" lang={textLang}>
        {text.prompt}
      </p>
      <ol className="lesson-choices">
        {text.choices.map((c, i) => (
          <li key={i}>
            <button
              type="button"
              className="lesson-choice"
              aria-pressed={chosen === i}
              aria-keyshortcuts={String(i + 1)}
              data-correct={answered ? i === question.answer : undefined}
              onClick={() => choose(i)}
            >
              <span className="lesson-choice-key" aria-hidden="true">
                {i + 1}
              </span>{' '}
              <span lang={textLang}>{c}</span>
            </button>
          </li>
        ))}
      </ol>
      <div role="status" className="lesson-verdict">
        {answered && (
          <p>
            <strong>
              {chosen === question.answer ? s.right : s.wrong(text.choices[question.answer] ?? '')}
            </strong>{' '}
            {playing ? s.revealing : ''}
          </p>
        )}
      </div>
      {revealed && explain !== null && (
        <div className="lesson-explain">
          <h3>{s.whatHappened}</h3>
          <div lang={textLang}>
            <Paragraphs text={explain} />
          </div>
        </div>
      )}
    </section>
  );
}
