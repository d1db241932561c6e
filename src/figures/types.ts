// What every figure builder returns, and its theme. Builders are pure: derived numbers in (their input types
// are src/derive/types.ts, where those numbers are made), plain Plotly objects out, so they are unit-tested
// as data without a DOM.
import type { Data, Layout } from 'plotly.js';

export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
  /** A plain-language text alternative for screen readers: what the plot shows right now, with numbers. */
  summary: string;
}

/**
 * Axis ranges by layout axis name (`yaxis`, `yaxis3`, …) that a figure keeps covering: while a slider is
 * dragged, the ranges its plot has shown so far (components/views/useHeldRanges.ts), so the axes only ever
 * widen during a drag instead of following every move. A builder that takes them computes every note and
 * legend entry against the widened ranges, so what the figure says matches what it draws.
 */
export type HeldRanges = Readonly<Record<string, readonly [number, number]>>;

export interface PlotTheme {
  name: 'light' | 'dark' | 'projector';
  paper: string;
  plot: string;
  text: string;
  mutedText: string;
  grid: string;
  zeroLine: string;
  fontFamily: string;
  fontSize: number;
  lineWidth: number;
  /** One colour per loss, colour-blind safe (Okabe–Ito in every theme). */
  palette: readonly string[];
  /** Colours of the chosen response, the rejected one and the others. */
  chosen: string;
  rejected: string;
  other: string;
  /** Dashes for reference lines and optima. */
  referenceDash: 'dash' | 'dot' | 'dashdot';
}
