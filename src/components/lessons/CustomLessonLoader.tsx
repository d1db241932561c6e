// Loads an instructor's own lesson from a JSON file (file picker, or a file dropped on the box), validates it
// like a link (state/lessons/custom.ts) and hands a good one to `onLoad`. A bad file's problems are listed in
// plain words (role="alert") and the last good lesson stays loaded; what a step's state link could not use
// is listed too, per step, as the link notices are. "Make a link" writes the lesson into a `lessondata=` link.
import { useId, useState, type DragEvent } from 'react';
import {
  customLessonHash,
  readCustomLesson,
  type CustomLesson,
  type CustomLessonProblem,
} from '../../state/lessons/custom.ts';
import { useStrings } from '../strings.tsx';
import './customLesson.css';

/** Where the example file is served (public/lessons/), next to the page. */
const EXAMPLE_HREF = 'lessons/example-lesson.json';

export function CustomLessonLoader({ onLoad }: { onLoad: (lesson: CustomLesson) => void }) {
  const t = useStrings().customLesson;
  const notice = useStrings().shell.notice;
  const inputId = useId();
  const [lesson, setLesson] = useState<CustomLesson | null>(null);
  const [problems, setProblems] = useState<CustomLessonProblem[] | 'unreadable' | null>(null);
  const [dragging, setDragging] = useState(false);
  const [link, setLink] = useState<{ url: string; long: boolean } | null>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const read = (text: string) => {
    const r = readCustomLesson(text);
    if (!r.ok) {
      setProblems(r.problems);
      return;
    }
    setProblems(null);
    setLesson(r.lesson);
    setLink(null);
    onLoad(r.lesson);
  };

  const readFile = (file: File | undefined) => {
    if (!file) return;
    file.text().then(read, () => setProblems('unreadable'));
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    readFile(e.dataTransfer.files[0]);
  };

  const makeLink = () => {
    if (!lesson) return;
    const { hash, long } = customLessonHash(lesson);
    setLink({ url: `${window.location.href.replace(/#.*$/, '')}${hash}`, long });
    setCopy('idle');
  };

  const copyLink = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const noticeSteps = lesson ? lesson.steps.map((s, i) => ({ n: i + 1, notices: s.notices })) : [];

  return (
    <section className="custom-lesson" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{t.heading}</h2>
      <p>
        {t.intro} <a href={EXAMPLE_HREF}>{t.example}</a>
      </p>
      <div
        className={`file-drop custom-lesson-drop${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId} className="file-pick">
          {t.chooseFile}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          onChange={(e) => {
            readFile(e.currentTarget.files?.[0]);
            // The same file chosen again (after fixing it) must read again.
            e.currentTarget.value = '';
          }}
        />
        <span>{t.dropHere}</span>
      </div>
      {problems && (
        <div role="alert" className="custom-lesson-problems">
          <p>
            <strong>{t.problemsHeading}</strong>
          </p>
          {problems === 'unreadable' ? (
            <p>{t.unreadable}</p>
          ) : (
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{t.problem(p)}</li>
              ))}
            </ul>
          )}
          {lesson && <p>{t.keptLast(lesson.title)}</p>}
        </div>
      )}
      {lesson && (
        <div className="custom-lesson-loaded">
          <p role="status">{t.loaded(lesson.title, lesson.steps.length)}</p>
          {noticeSteps.some((s) => s.notices.length > 0) && (
            <ul className="custom-lesson-notices">
              {noticeSteps
                .filter((s) => s.notices.length > 0)
                .map((s) => (
                  <li key={s.n}>
                    {t.stepNotice(s.n)} {s.notices.map(notice).join(' ')}
                  </li>
                ))}
            </ul>
          )}
          <button type="button" onClick={makeLink}>
            {t.makeLink}
          </button>
          {link && (
            <div className="custom-lesson-link">
              <label>
                {t.linkLabel}
                <input readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
              </label>
              <button type="button" onClick={() => void copyLink()}>
                {t.copyLink}
              </button>
              <span role="status">
                {copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}
              </span>
              {link.long && <p>{t.linkLong(link.url.length)}</p>}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
