// The page: header, link notices, controls, the numbers and the six views. In embed mode (`embed=` in the
// link) only one view is shown, with or without its controls, and no page chrome.
import { useCallback, useEffect, useMemo, useState, type ComponentType, type MouseEvent } from 'react';
import type { ViewId } from '../state/viewIds.ts';
import { PRESETS } from '../state/presets.ts';
import { useStore, useStoreApi } from './storeContext.tsx';
import { useLanguage, useResolvedTheme } from './environment.tsx';
import { UiStringsProvider } from './i18nContext.tsx';
import { ControlsPanel } from './controls/ControlsPanel.tsx';
import { EmbedControls } from './controls/EmbedControls.tsx';
import { PairReadout } from './readout/PairReadout.tsx';
import { TrlSnippetPanel } from './export/TrlSnippetPanel.tsx';
import { PlotHeightContext, useAvailableHeight } from './plot/plotHeight.ts';
import { NoticeBanner } from './shell/NoticeBanner.tsx';
import { CopyLinkButton } from './shell/CopyLinkButton.tsx';
import { ShareDialog } from './shell/ShareDialog.tsx';
import { ThemeSwitcher } from './shell/ThemeSwitcher.tsx';
import { LanguageSwitcher } from './shell/LanguageSwitcher.tsx';
import { LossView, GradientView } from './views/LossViews.tsx';
import { TrainingView } from './views/TrainingView.tsx';
import { SweepsView } from './views/SweepsView.tsx';
import { PlaneView } from './views/PlaneView.tsx';
import { SimplexView } from './views/SimplexView.tsx';

export const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  loss: LossView,
  gradient: GradientView,
  training: TrainingView,
  sweeps: SweepsView,
  plane: PlaneView,
  simplex: SimplexView,
};

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
  const lang = useLanguage();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = lang.tag;
  }, [theme, lang]);
}

export function App() {
  useDocumentSettings();
  const lang = useLanguage();
  const api = useStoreApi();
  const embed = useStore((s) => s.embed);
  const showControls = useStore((s) => s.showControls);
  const t = lang.app;
  const loadPreset = (id: string) => api.getState().loadPreset(id);
  const [sharing, setSharing] = useState(false);
  // Heading, caption and export row above an embedded plot take about 110 px.
  const embedPlotHeight = useAvailableHeight(110);
  const presets = useMemo(
    () => PRESETS.map(({ id }) => ({ id, ...(lang.presets[id] ?? PRESETS.find((p) => p.id === id)!) })),
    [lang],
  );
  const closeShare = useCallback(() => setSharing(false), []);

  if (embed) {
    const view: ViewId = embed === '1' ? 'loss' : (embed as ViewId);
    const View = VIEW_COMPONENTS[view] ?? LossView;
    return (
      <UiStringsProvider strings={lang.ui}>
        <NoticeBanner strings={t} />
        <main className={`embed-root${showControls ? '' : ' no-controls'}`}>
          {showControls && <EmbedControls view={view} />}
          <div className="embed-view">
            <PlotHeightContext value={embedPlotHeight}>
              {view === 'training' ? <TrainingView compact /> : <View />}
            </PlotHeightContext>
          </div>
        </main>
      </UiStringsProvider>
    );
  }

  return (
    <UiStringsProvider strings={lang.ui}>
      <a className="skip-link" href="#views" onClick={skipToViews}>
        {t.skipToViews}
      </a>
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <p className="tagline">{t.tagline}</p>
        <div className="header-actions">
          <CopyLinkButton strings={t} />
          <button type="button" onClick={() => setSharing(true)} aria-haspopup="dialog">
            {t.share.open}
          </button>
          <ThemeSwitcher strings={t} />
          <LanguageSwitcher strings={t} />
          <button type="button" onClick={() => api.getState().reset()}>
            {t.reset}
          </button>
        </div>
      </header>
      <NoticeBanner strings={t} />
      <main className={`app-main${showControls ? '' : ' no-controls'}`}>
        {showControls && (
          <div className="controls-column">
            <ControlsPanel presets={presets} onLoadPreset={loadPreset} />
          </div>
        )}
        <div className="views-column" id="views" tabIndex={-1}>
          <h2 className="visually-hidden">{t.viewsHeading}</h2>
          {/* The pair views first, so a plot is on screen at once; their numbers right below them. */}
          <div className="views-grid">
            <LossView />
            <GradientView />
          </div>
          <section className="readout-section">
            <PairReadout />
            <TrlSnippetPanel />
          </section>
          <div className="views-grid">
            <div className="view-wide">
              <TrainingView />
            </div>
            <SweepsView />
            <PlaneView />
            <SimplexView />
          </div>
        </div>
      </main>
      <footer className="app-footer">{t.footer}</footer>
      {sharing && <ShareDialog onClose={closeShare} />}
    </UiStringsProvider>
  );
}
