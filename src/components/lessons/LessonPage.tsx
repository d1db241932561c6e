// The presenter layout (App renders it while `lesson` is set): the step's panels large, its text beside them
// on wide screens and below on narrow ones in large type, only the controls the step lists, the other views
// folded under "Show every view". Back / Next and ← / → move between steps; each move loads the step's state
// (keeping theme, language, embedding and controls) and so the link. `compact` is the embed of a step
// (`lesson=…&step=…&embed=1`): its panels and its text, no page chrome.
import { Suspense, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  LESSONS,
  type LessonControl,
  type LessonId,
  type LessonPanel,
  type LessonStep,
} from '../../state/lessons/index.ts';
import { CUSTOM_LESSON_ID, type CustomLessonId } from '../../state/lessons/loaded.ts';
import type { LessonQuestionText } from '../../i18n/types/lessons.ts';
import { VIEW_IDS, type ViewId } from '../../state/viewIds.ts';
import { pickAppState } from '../../state/store.ts';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import { NoticeBanner } from '../shell/NoticeBanner.tsx';
import { ThemeSwitcher } from '../shell/ThemeSwitcher.tsx';
import { LanguageSwitcher } from '../shell/LanguageSwitcher.tsx';
import { TimeCursor } from '../controls/TimeCursor.tsx';
import { BetaSlider } from '../controls/BetaSlider.tsx';
import { StoreNumberField } from '../controls/StoreNumberField.tsx';
import { RefProbControls } from '../controls/RefProbControls.tsx';
import { LossPicker } from '../controls/LossPicker.tsx';
import { KtoControls } from '../controls/KtoControls.tsx';
import { KnobField } from '../controls/LossSettings.tsx';
import { lazyPart } from '../lazyPart.tsx';
import { FormulaView } from '../readout/FormulaView.tsx';
import {
  LazyPairReadout,
  LazyTrainingView,
  PLACEHOLDER_HEIGHT,
  Placeholder,
  VIEW_PARTS,
} from '../pageParts.tsx';
import { LessonQuestion } from './LessonQuestion.tsx';
import { Paragraphs, useLessonStepText } from './LessonText.tsx';
import { ownsArrowKeys, tryItHref } from './lessonLinks.ts';
import '../controls/controls.css';
import './lessons.css';

const LazyCompareControls = lazyPart(() =>
  import('../controls/CompareControls.tsx').then((m) => m.CompareControls),
);

/** One panel of a step, drawn as the page draws it. */
function Panel({ panel }: { panel: LessonPanel }) {
  const s = useStrings().lessonUi;
  if (panel === 'readout')
    return (
      <section className="lesson-panel" aria-label={s.readoutPanel}>
        <Placeholder height={PLACEHOLDER_HEIGHT.readout} boxed={false}>
          <LazyPairReadout />
        </Placeholder>
      </section>
    );
  if (panel === 'metrics')
    return (
      <section className="lesson-panel" aria-label={s.metricsPanel}>
        <h3 className="lesson-panel-title">{s.metricsPanel}</h3>
        <Placeholder height={200} boxed={false}>
          <LazyTrainingView part="tables" />
        </Placeholder>
      </section>
    );
  const View = VIEW_PARTS[panel];
  return (
    <div className="lesson-panel">
      <Placeholder height={PLACEHOLDER_HEIGHT[panel]}>
        {/* The training view's probabilities (its metrics are the 'metrics' panel). */}
        {panel === 'training' ? <LazyTrainingView part="probabilities" /> : <View />}
      </Placeholder>
    </div>
  );
}

/** The controls a step lists, in its order. */
function Control({ control }: { control: LessonControl }) {
  const c = useStrings().controls;
  switch (control) {
    case 'time':
      return <TimeCursor className="lesson-time" />;
    case 'beta':
      return <BetaSlider />;
    case 'p':
      return (
        <StoreNumberField
          field="preferenceProb"
          label={c.toy.preferenceProb}
          help={c.toy.preferenceProbHelp}
          slider={{ min: 0.5, step: 0.01 }}
        />
      );
    case 'ref':
      return <RefProbControls />;
    case 'loss':
      return <LossPicker />;
    case 'compare':
      return (
        <Suspense fallback={<div style={{ height: 70 }} aria-busy="true" />}>
          <LazyCompareControls />
        </Suspense>
      );
    case 'kto':
      return <KtoControls showZ0 />;
    case 'sft':
      return <KnobField field="sftWeight" />;
  }
}

/** ← / → move between steps, except while a field that uses those keys has the focus. */
function useStepKeys(go: (delta: number) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      if (ownsArrowKeys(e.target)) return;
      e.preventDefault();
      go(e.key === 'ArrowRight' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go]);
}

/**
 * A lesson: a built-in one (words from the i18n tables, facts from the page), or the instructor's lesson
 * loaded from a link or a file (`'custom'`: its own plain words, in the one language it was written in,
 * while the player's chrome follows the page's language).
 */
export function LessonPage({ id, compact = false }: { id: LessonId | CustomLessonId; compact?: boolean }) {
  return id === CUSTOM_LESSON_ID ? (
    <CustomLessonPage compact={compact} />
  ) : (
    <BuiltInLessonPage id={id} compact={compact} />
  );
}

function BuiltInLessonPage({ id, compact }: { id: LessonId; compact: boolean }) {
  const text = useStrings().lessons[id];
  const steps = LESSONS[id].steps;
  const n = useStore((st) => Math.min(st.lessonStep, steps.length));
  const words = useLessonStepText(id, n - 1);
  return (
    <LessonPlayer
      id={id}
      title={text.title}
      steps={steps}
      headings={text.steps.map((st) => st.heading)}
      question={text.steps[n - 1]?.question}
      words={words}
      n={n}
      compact={compact}
    />
  );
}

function CustomLessonPage({ compact }: { compact: boolean }) {
  const loaded = useStore((st) => st.customLesson);
  const lesson = loaded?.lesson;
  const count = lesson?.steps.length ?? 0;
  const n = useStore((st) => Math.max(1, Math.min(st.lessonStep, count)));
  // The sanitiser leaves no 'custom' lesson without a loaded one; this is only the type's other case.
  if (!lesson) return null;
  const current = lesson.steps[n - 1];
  const q = current.question;
  // Plain text, the same whatever the state: the instructor's words are theirs to keep true.
  const question: LessonQuestionText<never> | undefined = q && {
    prompt: q.prompt,
    choices: q.choices,
    explain: () => q.explain,
  };
  return (
    <LessonPlayer
      id={CUSTOM_LESSON_ID}
      title={lesson.title}
      steps={lesson.steps.map((st) => st.step)}
      headings={lesson.steps.map((st) => st.heading)}
      question={question}
      words={{ body: current.text, explain: q && q.explain !== '' ? q.explain : null }}
      n={n}
      compact={compact}
      textLang={lesson.lang === '' ? undefined : lesson.lang}
    />
  );
}

interface PlayerProps {
  id: LessonId | CustomLessonId;
  title: string;
  steps: readonly LessonStep[];
  /** Every step's heading (the table of contents). */
  headings: readonly string[];
  /** The shown step's question's words. */
  question: LessonQuestionText<never> | undefined;
  /** The shown step's body and explanation, or the "training…" note. */
  words: { body: string; explain: string | null } | { pending: string };
  /** The shown step, from 1 (in range). */
  n: number;
  compact: boolean;
  /**
   * The language of the lesson's own words when it is not the page's (an instructor's lesson: its `lang`):
   * set on each element holding them, while the player's buttons and notes follow the page.
   */
  textLang?: string;
}

function LessonPlayer({ id, title, steps, headings, question, words, n, compact, textLang }: PlayerProps) {
  const strings = useStrings();
  const s = strings.lessonUi;
  const api = useStoreApi();
  const count = steps.length;
  const showControls = useStore((st) => st.showControls);
  const step = steps[n - 1];
  const tryHref = useStore((st) => tryItHref(pickAppState(st)));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const tocId = useId();

  const goTo = (to: number) => {
    if (to < 1 || to > count || to === n) return;
    api.getState().goToLessonStep(id, to);
  };
  // The newest step number, for the key handler registered once per step.
  const go = (delta: number) => goTo(n + delta);
  useStepKeys(useLatest(go));

  // A step moved to takes the focus to its heading, so a screen reader reads it and Tab starts from there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus({ preventScroll: false });
  }, [n]);

  // Predict, then reveal: a question step's panels draw the whole training (its curves, its path, the logged
  // numbers), so they are veiled until the question is answered; the answer is the step's own (keyed like
  // LessonQuestion, so re-entering the step asks again).
  const stepKey = `${id}:${n}`;
  const [answeredKey, setAnsweredKey] = useState<string | null>(null);
  // Leaving the step forgets its answer (as LessonQuestion, remounted on return, does): reset while rendering.
  const [shownKey, setShownKey] = useState(stepKey);
  if (shownKey !== stepKey) {
    setShownKey(stepKey);
    setAnsweredKey(null);
  }
  const veiled = step.question !== undefined && answeredKey !== stepKey;

  const others = VIEW_IDS.filter((v: ViewId) => !step.panels.includes(v));
  const controls = showControls ? (step.controls ?? []) : [];
  const last = n === count;

  const article: ReactNode = (
    <article className="lesson-text" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="lesson-step-heading" lang={textLang}>
        {headings[n - 1]}
      </h2>
      {'pending' in words ? (
        <p role="status">{words.pending}</p>
      ) : (
        <div lang={textLang}>
          <Paragraphs text={words.body} className="lesson-body" />
        </div>
      )}
      {step.formula && (
        // Focusable: a formula wider than the column scrolls, and a keyboard user must be able to scroll it.
        <div className="lesson-formula" tabIndex={0} role="region" aria-label={s.formula}>
          <FormulaView formula={{ tex: step.formula, text: step.formula }} visible />
        </div>
      )}
      {step.question && question && (
        <LessonQuestion
          key={stepKey}
          question={step.question}
          onAnswer={() => setAnsweredKey(stepKey)}
          text={question}
          explain={'pending' in words ? null : words.explain}
          textLang={textLang}
        />
      )}
      <nav className="lesson-nav" aria-label={s.navigation}>
        <button type="button" onClick={() => goTo(n - 1)} disabled={n <= 1}>
          {s.back}
        </button>
        <span className="lesson-step-of">{s.stepOf(n, count)}</span>
        <button type="button" className="lesson-next" onClick={() => goTo(n + 1)} disabled={last}>
          {s.next}
        </button>
      </nav>
      {!compact && <p className="lesson-keys">{s.keysHelp}</p>}
      {!compact &&
        (last ? (
          <p className="lesson-try">
            <a className="lesson-try-link" href={tryHref}>
              {s.tryIt}
            </a>
          </p>
        ) : (
          <p className="lesson-try-quiet">
            <a href={tryHref}>{s.tryItQuiet}</a>
          </p>
        ))}
    </article>
  );

  const panels = (
    <div className={veiled ? 'lesson-panels lesson-veiled' : 'lesson-panels'}>
      {/* Veiled panels stay laid out and drawn (hidden, not removed), so they appear at once when answered. */}
      {veiled && <p className="lesson-veil">{s.answerFirst}</p>}
      {step.panels.map((p) => (
        <Panel key={p} panel={p} />
      ))}
    </div>
  );

  if (compact)
    return (
      <>
        <NoticeBanner />
        <main className="lesson-root lesson-compact">
          <p className="lesson-compact-title">
            <span lang={textLang}>{title}</span> · {s.stepOf(n, count)}
          </p>
          <div className="lesson-stage">
            {panels}
            {article}
          </div>
          {controls.length > 0 && (
            <section className="lesson-controls controls-panel">
              {controls.map((c) => (
                <Control key={c} control={c} />
              ))}
            </section>
          )}
        </main>
      </>
    );

  return (
    <>
      <header className="lesson-header">
        <div className="lesson-title-block">
          <p className="lesson-app">{strings.shell.appTitle}</p>
          <h1 lang={textLang}>{title}</h1>
          <p className="lesson-step-of">{s.stepOf(n, count)}</p>
        </div>
        <div className="header-actions">
          <ThemeSwitcher />
          <LanguageSwitcher />
          <button type="button" onClick={() => api.getState().exitLesson()}>
            {s.exit}
          </button>
        </div>
      </header>
      <NoticeBanner />
      <main className="lesson-root">
        <details className="lesson-toc">
          <summary id={tocId}>{s.contents}</summary>
          <ol aria-labelledby={tocId}>
            {headings.map((heading, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="lesson-toc-item"
                  aria-current={i + 1 === n ? 'step' : undefined}
                  onClick={() => goTo(i + 1)}
                  lang={textLang}
                >
                  {heading}
                </button>
              </li>
            ))}
          </ol>
        </details>
        <div className="lesson-stage">
          {panels}
          {article}
        </div>
        {controls.length > 0 && (
          <section className="lesson-controls controls-panel" aria-label={s.controlsHeading}>
            <h2 className="lesson-controls-heading">{s.controlsHeading}</h2>
            {controls.map((c) => (
              <Control key={c} control={c} />
            ))}
          </section>
        )}
        {others.length > 0 && <FoldedViews views={others} />}
      </main>
    </>
  );
}

/** The views a step does not need, folded; drawn only once opened (a closed disclosure has no size to plot in). */
function FoldedViews({ views }: { views: readonly ViewId[] }) {
  const s = useStrings().lessonUi;
  const [open, setOpen] = useState(false);
  return (
    <details className="lesson-more" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{s.everyView}</summary>
      {open && (
        <div className="views-grid">
          {views.map((v) => (
            <Panel key={v} panel={v} />
          ))}
        </div>
      )}
    </details>
  );
}

/** A stable function that always calls the newest `fn` (so a listener is not re-added every render). */
function useLatest<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
