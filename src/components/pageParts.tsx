// The parts of the page that a control's first answer does not need: each its own chunk (lazyPart.tsx), drawn
// in place as soon as it arrives. The loss and gradient views are among them: they cannot draw before the
// Plotly chunk (far larger, requested at the same time) has arrived anyway, so their code waits with it
// rather than delaying the controls and the readout. `Placeholder` holds a
// part's place meanwhile: an empty box of the part's height (measured at the default settings on a wide
// page), so that nothing below it moves when the part arrives, and no text that might not match the page.
import { Suspense, type ReactNode } from 'react';
import { EMBED_VIEW_IDS, type EmbedViewId, type ViewId } from '../state/viewIds.ts';
import { lazyPart, type LazyPart } from './lazyPart.tsx';
import { OffScreenGate } from './storeContext.tsx';

export const LazyLossView = lazyPart(() => import('./views/LossView.tsx').then((m) => m.LossView));
export const LazyGradientView = lazyPart(() =>
  import('./views/GradientView.tsx').then((m) => m.GradientView),
);
export const LazyPairReadout = lazyPart(() => import('./readout/PairReadout.tsx').then((m) => m.PairReadout));
export const LazyTrainingView = lazyPart(() =>
  import('./views/TrainingView.tsx').then((m) => m.TrainingView),
);
export const LazySweepsView = lazyPart(() => import('./views/SweepsView.tsx').then((m) => m.SweepsView));
export const LazyPlaneView = lazyPart(() => import('./views/PlaneView.tsx').then((m) => m.PlaneView));
export const LazySimplexView = lazyPart(() => import('./views/SimplexView.tsx').then((m) => m.SimplexView));
export const LazyTrlSnippetPanel = lazyPart(() =>
  import('./export/TrlSnippetPanel.tsx').then((m) => m.TrlSnippetPanel),
);
// The controls are a part of the first screen like the pair views: fetched side by side with them and the
// language table (preloadFirstScreen) rather than inside the first download, which stays within its budget.
export const LazyControlsPanel = lazyPart(() =>
  import('./controls/ControlsPanel.tsx').then((m) => m.ControlsPanel),
);
export const LazyEmbedControls = lazyPart(() =>
  import('./controls/EmbedControls.tsx').then((m) => m.EmbedControls),
);
export const LazyShareDialog = lazyPart(() => import('./shell/ShareDialog.tsx').then((m) => m.ShareDialog));

export const VIEW_PARTS: Record<ViewId, LazyPart<object>> = {
  loss: LazyLossView,
  gradient: LazyGradientView,
  training: LazyTrainingView,
  sweeps: LazySweepsView,
  plane: LazyPlaneView,
  simplex: LazySimplexView,
};

/** The view an `embed=` link shows: `1` (or an unknown id) is the loss view. */
export function embeddedView(embed: string): EmbedViewId {
  return (EMBED_VIEW_IDS as readonly string[]).includes(embed) ? (embed as EmbedViewId) : 'loss';
}

/** The part that draws an embedded view ("What TRL would log" is a part of the training view). */
export function embeddedPart(view: EmbedViewId): ViewId {
  return view === 'metrics' ? 'training' : view;
}

/**
 * Downloads the parts the first screen shows (`embed`: the store's, '' for the whole page), all at once;
 * settles when every one has arrived or failed (a failed part tries again when it renders).
 */
export function preloadFirstScreen(embed: string): Promise<unknown> {
  const parts: LazyPart<never>[] = embed
    ? [LazyEmbedControls, VIEW_PARTS[embeddedPart(embeddedView(embed))]]
    : [LazyControlsPanel, LazyLossView, LazyGradientView, LazyPairReadout];
  return Promise.allSettled(parts.map((part) => part.preload()));
}

/**
 * The height of each part's box while it loads, in CSS pixels: the part's height at the default settings on
 * a wide page. The sweeps view is two boxes (its two plots are two cells of the grid).
 */
export const PLACEHOLDER_HEIGHT = {
  loss: 460,
  gradient: 440,
  readout: 840,
  trlPanel: 46,
  training: 2270,
  sweeps: [505, 485],
  plane: 590,
  simplex: 565,
} as const;

/**
 * `children` once its code has arrived; until then an empty box `height` pixels tall (one per entry of a
 * list), with a view's frame when `boxed`. The part reads the state through an OffScreenGate: it does not
 * follow a drag while it is off screen.
 */
export function Placeholder({
  height,
  boxed = true,
  children,
}: {
  height: number | readonly number[];
  boxed?: boolean;
  children: ReactNode;
}) {
  const heights = typeof height === 'number' ? [height] : height;
  return (
    <OffScreenGate>
      <Suspense
        fallback={heights.map((h, i) => (
          <div
            key={i}
            className={boxed ? 'view part-placeholder' : 'part-placeholder'}
            style={{ height: h }}
            aria-busy="true"
          />
        ))}
      >
        {children}
      </Suspense>
    </OffScreenGate>
  );
}
