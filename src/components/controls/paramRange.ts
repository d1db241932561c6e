// Ranges come from URL_PARAMS, the one list the store's sanitiser and the link reader also use, so a box
// can never accept what a link could not express (and the ranges are written down once).
import type { AppState } from '../../state/appState.ts';
import { URL_PARAMS } from '../../state/urlParams.ts';

export type NumericField = { [K in keyof AppState]: AppState[K] extends number ? K : never }[keyof AppState];

export interface Range {
  min: number;
  max: number;
  integer: boolean;
}

export function numberRange(field: NumericField): Range {
  for (const p of URL_PARAMS) {
    if (p.kind === 'number' && p.field === field)
      return { min: p.min, max: p.max, integer: p.integer ?? false };
    if (p.kind === 'z0' && field === 'z0') return { min: p.min, max: p.max, integer: false };
  }
  throw new Error(`URL_PARAMS has no range for ${field}`);
}

/** The smallest reference probability a response may have. */
export function refProbMin(): number {
  for (const p of URL_PARAMS) if (p.kind === 'probList') return p.min;
  throw new Error('URL_PARAMS has no refProbs entry');
}

/** The range of each entry of a number list (the ranking rewards). */
export function numberRangeOfList(field: 'rewards'): { min: number; max: number } {
  for (const p of URL_PARAMS)
    if (p.kind === 'rewardList' && p.field === field) return { min: p.min, max: p.max };
  throw new Error(`URL_PARAMS has no list entry for ${field}`);
}
