// Colour, dash and marker of each loss shown. Colours go by position in the chosen list, so the first
// losses shown always get the first (most distinct, highest-contrast) palette colours. Past the end of
// the palette, colours repeat with a different dash; the marker symbol differs for every position up to
// nine, so points stay distinguishable without colour.
// A loss keeps one style in every view: lossStyleOf(id) picks it by the loss's id (its fixed slot in
// LOSS_STYLE_ORDER), so KTO is the same colour whether it is shown alone, second or third.
import type { Dash } from 'plotly.js';
import { LOSS_IDS, type LossId } from '../math/index.ts';
import type { PlotTheme } from './types.ts';
import type { ResponseData } from '../i18n/types/figures.ts';
import { responseRole, roleColor } from './responseRole.ts';

export type LossSymbol =
  'circle' | 'square' | 'diamond' | 'triangle-up' | 'x' | 'triangle-down' | 'star' | 'hexagon' | 'pentagon';

export interface LossStyle {
  color: string;
  dash: Dash;
  symbol: LossSymbol;
}

const CYCLE_DASHES: readonly Dash[] = ['solid', 'dashdot', 'longdash', 'longdashdot'];
const SYMBOLS: readonly LossSymbol[] = [
  'circle',
  'square',
  'diamond',
  'triangle-up',
  'x',
  'triangle-down',
  'star',
  'hexagon',
  'pentagon',
];

/** The style of the loss at `position` (0-based) in the list of losses shown. */
export function lossStyle(position: number, theme: PlotTheme): LossStyle {
  const i = Math.max(0, Math.floor(position));
  const n = theme.palette.length;
  return {
    color: theme.palette[i % n],
    dash: CYCLE_DASHES[Math.floor(i / n) % CYCLE_DASHES.length],
    symbol: SYMBOLS[i % SYMBOLS.length],
  };
}

/** Open variant of a loss's marker symbol, for a second point of the same loss. */
export function openSymbol(symbol: LossSymbol): `${LossSymbol}-open` {
  return `${symbol}-open`;
}

/** Dashes of the responses in training plots: response 0 solid, 1 dashed, the others dotted variants. */
const RESPONSE_DASHES: readonly Dash[] = ['solid', 'dash', 'dot', 'dashdot', 'longdash', 'longdashdot'];

/** Colour by the response's role in the data (responseRole.ts), dash by its index. */
export function responseStyle(
  k: number,
  theme: PlotTheme,
  data?: ResponseData,
): { color: string; dash: Dash } {
  const color = roleColor(responseRole(k, data), theme);
  const dash = k < 2 ? RESPONSE_DASHES[k] : RESPONSE_DASHES[2 + ((k - 2) % (RESPONSE_DASHES.length - 2))];
  return { color, dash };
}

/**
 * Every loss's fixed style slot: the three losses shown by default first (the most distinct colours), then
 * the rest in the loss picker's order. Past the palette's end a slot repeats a colour with another dash.
 */
export const LOSS_STYLE_ORDER: readonly LossId[] = [
  ...(['sigmoid', 'ipo', 'kto'] as const),
  ...LOSS_IDS.filter((id) => id !== 'sigmoid' && id !== 'ipo' && id !== 'kto'),
];

/** The style of loss `id`, the same in every view whatever else is shown. */
export function lossStyleOf(id: LossId, theme: PlotTheme): LossStyle {
  return lossStyle(Math.max(0, LOSS_STYLE_ORDER.indexOf(id)), theme);
}
