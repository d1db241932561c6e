// Lists what a link asked for that could not be used as it was. role="alert" so screen readers hear it;
// the rest of the link has already been applied behind it.
import { useAppStore } from '../../state/store.ts';
import { useStrings } from '../strings.tsx';

export function NoticeBanner() {
  const strings = useStrings().shell;
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div role="alert" className="notice-banner">
      <p className="notice-heading">{strings.noticeHeading}</p>
      <ul>
        {notices.slice(0, 12).map((n, i) => (
          <li key={i}>{strings.notice(n)}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        {strings.dismiss}
      </button>
    </div>
  );
}
