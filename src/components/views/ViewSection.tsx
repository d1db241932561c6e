// The frame every view shares: heading, one-line caption, the plot inside its own error boundary, and a
// text alternative for screen readers (Plotly's SVG has no accessible name of its own).
import { memo, useId, useMemo, type ReactNode } from 'react';
import type { Figure } from '../../figures/types.ts';
import type { AppStrings, ViewText } from '../../i18n/appStrings.ts';
import { PlotErrorBoundary } from '../plot/PlotErrorBoundary.tsx';
import { PlotlyPlot } from '../plot/PlotlyPlot.tsx';

export interface ViewSectionProps {
  /** The element id suffix (view-<id>) and heading id. */
  id: string;
  /** Heading and caption; default: strings.views[id]. */
  text?: ViewText;
  strings: AppStrings;
  /** Builds the figure; a throw is caught by the boundary instead of blanking the page. */
  figure: () => Figure;
  height?: number;
  /** Extra controls shown above the plot (e.g. a metric picker). */
  toolbar?: ReactNode;
}

const PlotWithSummary = memo(function PlotWithSummary({
  figure,
  label,
  height,
  summaryId,
}: {
  figure: () => Figure;
  label: string;
  height: number;
  summaryId: string;
}) {
  // Built during render so that a throwing builder is caught by the boundary around it.
  const f = useMemo(() => figure(), [figure]);
  return (
    <>
      <PlotlyPlot figure={f} label={label} height={height} />
      <p id={summaryId} className="visually-hidden">
        {f.summary}
      </p>
    </>
  );
});

export function ViewSection({
  id,
  text: givenText,
  strings,
  figure,
  height = 340,
  toolbar,
}: ViewSectionProps) {
  const text = givenText ?? (strings.views as Record<string, ViewText>)[id];
  const summaryId = useId();
  return (
    <figure className="view" id={`view-${id}`} aria-labelledby={`${id}-title`} aria-describedby={summaryId}>
      <h3 id={`${id}-title`} className="view-title">
        {text.title}
      </h3>
      <figcaption className="view-caption">{text.caption}</figcaption>
      {toolbar}
      <PlotErrorBoundary message={strings.plotFailed} retryLabel={strings.retry} resetKey={figure}>
        <PlotWithSummary figure={figure} label={text.title} height={height} summaryId={summaryId} />
      </PlotErrorBoundary>
    </figure>
  );
}
