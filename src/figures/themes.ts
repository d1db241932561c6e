// Plot themes: light, dark and projector (high contrast, large type, thick lines). Every palette is the
// Okabe–Ito colour-blind-safe set, ordered so the first colours have the most contrast against the
// background; on the dark theme black becomes white and the too-dark blue is left out.
import type { Layout, LayoutAxis } from 'plotly.js';
import type { PlotTheme } from './types.ts';

/**
 * The app's bundled Chinese faces first (build/cjkFont.ts: CJK code points only, so Latin text falls
 * through), then the operating system's own UI fonts and common system CJK fonts. The same order as
 * `--font` in src/styles/app.css, for the same reason.
 */
export const PLOT_FONT_STACK =
  '"DPO Explorer Noto Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, ' +
  '"Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** Okabe & Ito (2008), "Color Universal Design". */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

const O = OKABE_ITO;

export const LIGHT_THEME: PlotTheme = {
  name: 'light',
  paper: '#FFFFFF',
  plot: '#FFFFFF',
  text: '#1F1F1F',
  mutedText: '#595959',
  grid: '#E3E3E3',
  zeroLine: '#B0B0B0',
  fontFamily: PLOT_FONT_STACK,
  fontSize: 13,
  lineWidth: 2.25,
  // Yellow (1.3:1 on white) is left out; orange and sky blue come last (about 2.3:1).
  palette: [O.blue, O.vermillion, O.bluishGreen, O.reddishPurple, O.black, O.orange, O.skyBlue],
  chosen: O.blue,
  rejected: O.vermillion,
  other: '#767676',
  referenceDash: 'dot',
};

export const DARK_THEME: PlotTheme = {
  name: 'dark',
  paper: '#1E1E1E',
  plot: '#1E1E1E',
  text: '#EDEDED',
  mutedText: '#B3B3B3',
  grid: '#383838',
  zeroLine: '#6B6B6B',
  fontFamily: PLOT_FONT_STACK,
  fontSize: 13,
  lineWidth: 2.25,
  // Black is invisible and blue too dark (3.2:1) on this background: white replaces black, blue is left out.
  palette: [O.skyBlue, O.orange, O.bluishGreen, O.yellow, O.reddishPurple, O.vermillion, '#FFFFFF'],
  chosen: O.skyBlue,
  rejected: O.vermillion,
  other: '#A6A6A6',
  referenceDash: 'dot',
};

export const PROJECTOR_THEME: PlotTheme = {
  name: 'projector',
  paper: '#FFFFFF',
  plot: '#FFFFFF',
  text: '#000000',
  mutedText: '#262626',
  grid: '#C4C4C4',
  zeroLine: '#6E6E6E',
  fontFamily: PLOT_FONT_STACK,
  fontSize: 20,
  lineWidth: 4,
  // Only colours with at least 3:1 contrast on white; orange is darkened to keep its hue at 3.8:1.
  palette: [O.blue, O.vermillion, O.bluishGreen, O.reddishPurple, O.black, '#B07800'],
  chosen: O.blue,
  rejected: O.vermillion,
  other: '#595959',
  referenceDash: 'dash',
};

export const PLOT_THEMES: Readonly<Record<PlotTheme['name'], PlotTheme>> = {
  light: LIGHT_THEME,
  dark: DARK_THEME,
  projector: PROJECTOR_THEME,
};

/** An axis styled for the theme; `overrides` (title, range, type, domain, …) win. */
export function themeAxis(theme: PlotTheme, overrides: Partial<LayoutAxis> = {}): Partial<LayoutAxis> {
  return {
    color: theme.text,
    gridcolor: theme.grid,
    zerolinecolor: theme.zeroLine,
    linecolor: theme.mutedText,
    tickcolor: theme.mutedText,
    tickfont: { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.92), color: theme.mutedText },
    showline: true,
    zeroline: true,
    ticks: 'outside',
    automargin: true,
    // Plotly's default for a numeric axis ('hide past div') measures every tick label on every draw to hide
    // the ones past the plot's edge: one forced layout per label, most of a many-panel plot's draw (~0.4 s
    // of the 15-panel training plot's). Automargin already keeps the labels inside, so nothing is hidden.
    ticklabeloverflow: 'allow',
    ...overrides,
    // An override's title keeps the theme's title font.
    title: {
      font: { family: theme.fontFamily, size: theme.fontSize, color: theme.text },
      standoff: Math.round(theme.fontSize * 0.6),
      ...overrides.title,
    },
  };
}

/**
 * The theme's part of a layout: backgrounds, font, colourway, axis colours, margins, a horizontal legend
 * above the plot area (so it never covers a curve) and a unified hover along x.
 */
export function themeLayout(theme: PlotTheme): Partial<Layout> {
  const fs = theme.fontSize;
  return {
    paper_bgcolor: theme.paper,
    plot_bgcolor: theme.plot,
    font: { family: theme.fontFamily, size: fs, color: theme.text },
    colorway: [...theme.palette],
    margin: {
      l: Math.round(fs * 1.5),
      r: Math.round(fs * 1.5),
      t: Math.round(fs * 1.5),
      b: Math.round(fs),
      pad: 0,
    },
    legend: {
      orientation: 'h',
      x: 0,
      xanchor: 'left',
      y: 1.02,
      yanchor: 'bottom',
      bgcolor: 'rgba(0,0,0,0)',
      font: { family: theme.fontFamily, size: fs, color: theme.text },
    },
    hovermode: 'x unified',
    hoverlabel: {
      bgcolor: theme.paper,
      bordercolor: theme.mutedText,
      font: { family: theme.fontFamily, size: fs, color: theme.text },
    },
    xaxis: themeAxis(theme),
    yaxis: themeAxis(theme),
  };
}
