// Lists what a link asked for that could not be used as it was. role="alert" so screen readers hear it;
// the rest of the link has already been applied behind it. A bad `lessondata=` (an instructor's lesson) is
// listed too, in the plain words the lesson file loader uses.
import { useAppStore } from '../../state/store.ts';
import { useStrings } from '../strings.tsx';

export function NoticeBanner() {
  const all = useStrings();
  const strings = all.shell;
  const notices = useAppStore((s) => s.notices);
  const lessonProblems = useAppStore((s) => s.lessonProblems);
  const dismiss = useAppStore((s) => s.dismissNotices);
  if (notices.length === 0 && lessonProblems.length === 0) return null;
  return (
    <div role="alert" className="notice-banner">
      {lessonProblems.length > 0 && (
        <>
          <p className="notice-heading">{all.customLesson.linkProblemsHeading}</p>
          <ul>
            {lessonProblems.map((p, i) => (
              <li key={i}>{all.customLesson.problem(p)}</li>
            ))}
          </ul>
        </>
      )}
      {notices.length > 0 && (
        <>
          <p className="notice-heading">{strings.noticeHeading}</p>
          <ul>
            {notices.slice(0, 12).map((n, i) => (
              <li key={i}>{strings.notice(n)}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={dismiss}>
        {strings.dismiss}
      </button>
    </div>
  );
}
