// The frame every view shares: heading with the export menu, one-line caption, the plot inside its own
// error boundary, and a text alternative for screen readers (Plotly's SVG has no accessible name of its own).
import { memo, useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Figure, HeldRanges } from '../../figures/types.ts';
import { rangeHold } from './rangeHold.ts';
import { useOnScreen } from '../useOnScreen.ts';
import { isAdjusting, useReleaseCount } from '../adjusting.ts';
import type { ViewText } from '../../i18n/types/views.ts';
import { useStrings } from '../strings.tsx';
import { PlotErrorBoundary } from '../plot/PlotErrorBoundary.tsx';
import { PlotlyPlot } from '../plot/PlotlyPlot.tsx';
import type { PlotlyModule } from '../plot/plotlyLoader.ts';
import { PlotZoomControls, usePlotZoom } from '../plot/PlotZoomControls.tsx';
import { ExportMenu, type PlotImageSource } from '../export/ExportMenu.tsx';

export interface ViewSectionProps {
  /** The element id suffix (view-<id>) and heading id; also names exported files (dpo-explorer-<id>.png). */
  id: string;
  /** Heading and caption; default: the strings of the view `id` (views.sections). */
  text?: ViewText;
  /**
   * Builds the figure; a throw is caught by the boundary instead of blanking the page. While a slider is
   * dragged it is handed the ranges the plot has shown so far (HeldRanges), which a builder may keep
   * covering so that its axes widen a few times during the drag instead of moving with every step.
   */
  figure: (held?: HeldRanges) => Figure;
  /** Builds the figure the data exports hold, when it differs from the drawn one (ExportMenu.tsx). */
  dataFigure?: () => Figure;
  height?: number;
  /** Extra controls shown above the plot (e.g. a metric picker). */
  toolbar?: ReactNode;
  /** Offer a zoom toggle and reset (on a mouse only): for plots whose details are worth a closer look. */
  zoomable?: boolean;
  /**
   * A note shown instead of the plot (and its export menu) while what it draws is still being computed
   * (a heavy training): the figure is not built then.
   */
  pending?: string;
}

const PlotWithSummary = memo(function PlotWithSummary({
  figure,
  dataFigure,
  label,
  height,
  summaryId,
  fileId,
  zoomable,
  actions,
  onScreen,
}: {
  figure: (held?: HeldRanges) => Figure;
  dataFigure?: () => Figure;
  label: string;
  height: number;
  summaryId: string;
  fileId: string;
  zoomable: boolean;
  /** Where the export menu goes (the heading row); null until that element exists. */
  actions: HTMLElement | null;
  /** The view is (partly) on screen: off screen its figure waits while a slider is dragged (rangeHold.ts). */
  onScreen: boolean;
}) {
  // Built during render so that a throwing builder is caught by the boundary around it. During a drag the
  // builder keeps covering the ranges shown so far; when the drag ends (a new release count) the figure is
  // built again on its own ranges, and that is the plot the drag leaves on screen.
  const releases = useReleaseCount();
  const [hold] = useState(rangeHold);
  const f = useMemo(
    () => hold.build(figure, isAdjusting(), onScreen),
    // `releases` is a dependency on purpose: a drag's end rebuilds the figure without held ranges.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hold, figure, releases, onScreen],
  );
  const zoom = usePlotZoom(zoomable, f.layout.uirevision);
  const [image, setImage] = useState<PlotImageSource | null>(null);
  // Called after every draw; the state changes only on the first (same div, same module after that).
  const onReady = useCallback((div: HTMLDivElement, plotly: PlotlyModule) => {
    setImage((prev) => (prev && prev.div === div && prev.plotly === plotly ? prev : { div, plotly }));
  }, []);
  return (
    <>
      {actions &&
        createPortal(
          <>
            <PlotZoomControls zoom={zoom} title={label} />
            <ExportMenu figure={f} dataFigure={dataFigure} title={label} fileId={fileId} image={image} />
          </>,
          actions,
        )}
      <PlotlyPlot
        figure={f}
        label={label}
        viewId={fileId}
        height={height}
        onReady={onReady}
        zoom={zoom.on}
        resetCount={zoom.resetCount}
        onZoom={zoomable ? zoom.onZoom : undefined}
      />
      <p id={summaryId} className="visually-hidden">
        {f.summary}
      </p>
    </>
  );
});

export function ViewSection({
  id,
  text: givenText,
  figure,
  dataFigure,
  height = 340,
  toolbar,
  zoomable = false,
  pending,
}: ViewSectionProps) {
  const sections: Record<string, ViewText> = useStrings().views.sections;
  const text = givenText ?? sections[id];
  const summaryId = useId();
  // The export menu is rendered by the plot (it needs the built figure, inside the error boundary) into
  // this slot of the heading row; a failed plot has nothing to export, so the slot stays empty.
  const [actions, setActions] = useState<HTMLDivElement | null>(null);
  const [section, setSection] = useState<HTMLElement | null>(null);
  const onScreen = useOnScreen(section);
  return (
    <figure
      ref={setSection}
      className="view"
      id={`view-${id}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={summaryId}
    >
      <div className="view-head">
        <h3 id={`${id}-title`} className="view-title">
          {text.title}
        </h3>
        <div className="view-actions" ref={setActions} />
      </div>
      <figcaption className="view-caption">{text.caption}</figcaption>
      {toolbar}
      {pending !== undefined ? (
        <p id={summaryId} className="view-pending" role="status" style={{ minHeight: height }}>
          {pending}
        </p>
      ) : (
        <PlotErrorBoundary resetKey={figure}>
          <PlotWithSummary
            figure={figure}
            dataFigure={dataFigure}
            label={text.title}
            height={height}
            summaryId={summaryId}
            fileId={id}
            zoomable={zoomable}
            actions={actions}
            onScreen={onScreen}
          />
        </PlotErrorBoundary>
      )}
    </figure>
  );
}
