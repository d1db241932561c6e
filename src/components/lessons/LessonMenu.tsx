// "Lessons" on the normal page: a disclosure listing every lesson with its title and summary. Each entry is
// a real link to the lesson's step 1 (it opens in a new tab too); a plain click loads it in place. Under the
// list, "Open your own lesson…" holds the file loader: a good file starts the lesson at once, and the link
// becomes its `lessondata=` link, to share.
import { Suspense, useId, type MouseEvent } from 'react';
import { LESSON_LIST, type LessonId } from '../../state/lessons/index.ts';
import { pickAppState } from '../../state/store.ts';
import { useStoreApi } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import { lessonStepHref } from './lessonLinks.ts';
import { lazyPart } from '../lazyPart.tsx';
import './lessons.css';

// The file loader (and the custom-lesson reader's UI) loads apart: most readers never open their own lesson.
const LazyCustomLessonLoader = lazyPart(() =>
  import('./CustomLessonLoader.tsx').then((m) => m.CustomLessonLoader),
);

export function LessonMenu() {
  const strings = useStrings();
  const s = strings.lessonUi;
  const api = useStoreApi();
  const headingId = useId();
  const viewer = pickAppState(api.getState());
  const open = (e: MouseEvent<HTMLAnchorElement>, id: LessonId) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    api.getState().goToLessonStep(id, 1);
  };
  return (
    <details className="lesson-menu">
      <summary>{s.menuButton}</summary>
      <div className="lesson-menu-body" role="region" aria-labelledby={headingId}>
        <h2 id={headingId}>{s.menuHeading}</h2>
        <p>{s.menuIntro}</p>
        <ol>
          {LESSON_LIST.map(({ id }) => (
            <li key={id}>
              <a href={lessonStepHref(id, 1, viewer)} onClick={(e) => open(e, id)}>
                {strings.lessons[id].title}
              </a>
              <p className="lesson-menu-summary">{strings.lessons[id].summary}</p>
            </li>
          ))}
        </ol>
        <details className="lesson-menu-own">
          <summary>{s.openOwn}</summary>
          <Suspense fallback={null}>
            <LazyCustomLessonLoader onLoad={(lesson) => api.getState().openCustomLesson(lesson)} />
          </Suspense>
        </details>
      </div>
    </details>
  );
}
