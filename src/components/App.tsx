// The page: header, link notices, controls, the numbers and the six views. In embed mode (`embed=` in the
// link) only one view is shown, with or without its controls, and no page chrome.
import { Suspense, useCallback, useEffect, useState, type MouseEvent } from 'react';
import { PRESET_IDS } from '../state/presetIds.ts';
import { useStore, useStoreApi } from './storeContext.tsx';
import { useResolvedTheme } from './environment.tsx';
import { useStrings } from './strings.tsx';
import { PlotHeightContext, useFittedHeight } from './plot/plotHeight.ts';
import { NoticeBanner } from './shell/NoticeBanner.tsx';
import { CopyLinkButton } from './shell/CopyLinkButton.tsx';
import { ThemeSwitcher } from './shell/ThemeSwitcher.tsx';
import { LanguageSwitcher } from './shell/LanguageSwitcher.tsx';
import { TimeCursor } from './controls/TimeCursor.tsx';
import { LessonMenu } from './lessons/LessonMenu.tsx';
import { CUSTOM_LESSON_ID } from '../state/lessons/loaded.ts';
import { lazyPart } from './lazyPart.tsx';
// The controls' styles stay in the first stylesheet although their code loads as a part (pageParts.tsx): a
// stylesheet arriving with a lazy chunk lands after app.css and would override its embed rules.
import './controls/controls.css';

// The lesson player and the lessons' facts (which train sweeps and read every scenario's facts) are a chunk of
// their own: a page opened on the free explorer never downloads them (issue 11's first-download budget).
const LazyLessonPage = lazyPart(() => import('./lessons/LessonPage.tsx').then((m) => m.LessonPage));
import {
  LazyControlsPanel,
  LazyEmbedControls,
  LazyGradientView,
  LazyPairReadout,
  LazyLossView,
  LazyPlaneView,
  LazyShareDialog,
  LazySimplexView,
  LazySweepsView,
  LazyTrainingView,
  LazyTrlSnippetPanel,
  PLACEHOLDER_HEIGHT,
  Placeholder,
  VIEW_PARTS,
  embeddedPart,
  embeddedView,
} from './pageParts.tsx';
import { EmbedExplanation } from './EmbedExplanation.tsx';
import { LazyTrlLogPanel } from './trlLog/lazy.ts';

/**
 * "Skip to the plots" moves focus (and the view) to the plots without touching the hash, which holds the
 * state: the address bar keeps the link. Without scripts the plain `#views` anchor still works.
 */
function skipToViews(e: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById('views');
  if (!target) return;
  e.preventDefault();
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

/** Keeps <html lang> and the theme attribute in step with the store. */
function useDocumentSettings() {
  const theme = useResolvedTheme();
  const { tag } = useStrings();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = tag;
  }, [theme, tag]);
}

export function App() {
  useDocumentSettings();
  const strings = useStrings();
  const t = strings.shell;
  const api = useStoreApi();
  const embed = useStore((s) => s.embed);
  const lesson = useStore((s) => s.lesson);
  // A new instructor's lesson is a new lesson page, as another built-in one is (its answers start afresh).
  const customData = useStore((s) => s.customLesson?.data ?? '');
  const showControls = useStore((s) => s.showControls);
  const loadPreset = (id: string) => api.getState().loadPreset(id);
  const [sharing, setSharing] = useState(false);
  // "Your TRL log": an in-page panel, not a link state (the log must never reach the URL).
  const [logOpen, setLogOpen] = useState(false);
  const closeLog = useCallback(() => setLogOpen(false), []);
  // Heading, caption and export row above an embedded plot take about 110 px; the rest is measured.
  const embedPlotHeight = useFittedHeight(110);
  const closeShare = useCallback(() => setSharing(false), []);

  // A lesson (`lesson=` in the link): the presenter layout, or the step's compact form in an embed.
  if (lesson)
    return (
      // While the player's chunk arrives (a moment, once): an empty, busy lesson frame, not the explorer.
      <Suspense fallback={<main className="lesson-root" aria-busy="true" />}>
        <LazyLessonPage
          key={lesson === CUSTOM_LESSON_ID ? `${lesson}:${customData}` : lesson}
          id={lesson}
          compact={embed !== ''}
        />
      </Suspense>
    );

  if (embed) {
    const view = embeddedView(embed);
    const part = embeddedPart(view);
    const View = VIEW_PARTS[part];
    return (
      <>
        <NoticeBanner />
        <main className={`embed-root${showControls ? '' : ' no-controls'}`}>
          {showControls && (
            <Suspense fallback={null}>
              <LazyEmbedControls view={part} />
            </Suspense>
          )}
          <div className={`embed-view embed-view-${view}`}>
            <EmbedExplanation />
            <PlotHeightContext value={embedPlotHeight}>
              <Placeholder height={embedPlotHeight} boxed={false}>
                {part === 'training' ? (
                  <LazyTrainingView part={view === 'metrics' ? 'metrics' : 'probabilities'} />
                ) : (
                  <View />
                )}
              </Placeholder>
            </PlotHeightContext>
          </div>
        </main>
      </>
    );
  }

  return (
    <>
      <a className="skip-link" href="#views" onClick={skipToViews}>
        {t.skipToViews}
      </a>
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <p className="tagline">{t.tagline}</p>
        <div className="header-actions">
          <LessonMenu />
          <button
            type="button"
            aria-expanded={logOpen}
            aria-controls={logOpen ? 'trl-log' : undefined}
            onClick={() => setLogOpen((o) => !o)}
          >
            {strings.trlLog.open}
          </button>
          <CopyLinkButton />
          <button type="button" onClick={() => setSharing(true)} aria-haspopup="dialog">
            {t.share.open}
          </button>
          <ThemeSwitcher />
          <LanguageSwitcher />
          <button type="button" onClick={() => api.getState().reset()}>
            {t.reset}
          </button>
        </div>
      </header>
      <NoticeBanner />
      {logOpen && (
        <Suspense fallback={null}>
          <LazyTrlLogPanel onClose={closeLog} />
        </Suspense>
      )}
      <main className={`app-main${showControls ? '' : ' no-controls'}`}>
        {showControls && (
          <div className="controls-column">
            <Suspense fallback={null}>
              <LazyControlsPanel presets={PRESET_IDS} onLoadPreset={loadPreset} />
            </Suspense>
          </div>
        )}
        <div className="views-column" id="views" tabIndex={-1}>
          <h2 className="visually-hidden">{t.viewsHeading}</h2>
          {/* The step every view shows: stuck to the top while the views scroll under it. */}
          <TimeCursor className="time-cursor-bar" />
          {/* The pair views first, so a plot is on screen at once; their numbers right below them. */}
          <div className="views-grid">
            <Placeholder height={PLACEHOLDER_HEIGHT.loss}>
              <LazyLossView />
            </Placeholder>
            <Placeholder height={PLACEHOLDER_HEIGHT.gradient}>
              <LazyGradientView />
            </Placeholder>
          </div>
          <section className="readout-section">
            <Placeholder height={PLACEHOLDER_HEIGHT.readout} boxed={false}>
              <LazyPairReadout />
            </Placeholder>
            <Placeholder height={PLACEHOLDER_HEIGHT.trlPanel} boxed={false}>
              <LazyTrlSnippetPanel />
            </Placeholder>
          </section>
          <div className="views-grid">
            <div className="view-wide">
              <Placeholder height={PLACEHOLDER_HEIGHT.training}>
                <LazyTrainingView />
              </Placeholder>
            </div>
            <Placeholder height={PLACEHOLDER_HEIGHT.sweeps}>
              <LazySweepsView />
            </Placeholder>
            <Placeholder height={PLACEHOLDER_HEIGHT.plane}>
              <LazyPlaneView />
            </Placeholder>
            <Placeholder height={PLACEHOLDER_HEIGHT.simplex}>
              <LazySimplexView />
            </Placeholder>
          </div>
        </div>
      </main>
      <footer className="app-footer">{t.footer}</footer>
      {sharing && (
        // No box: the dialog opens over the page, a moment after the click the first time.
        <Suspense fallback={null}>
          <LazyShareDialog onClose={closeShare} />
        </Suspense>
      )}
    </>
  );
}
