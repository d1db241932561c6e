// What a response is in the data the toy is trained on, so that its colour says the same thing as its label
// in every view: one pair has a chosen y_w and a rejected y_l; thumbs-down data have one undesirable response
// (A) and the rest appear in no example; a ranking has no chosen or rejected response, only a best and a
// worst (highest and lowest hidden reward), drawn in the chosen and rejected colours.
import type { ResponseData } from '../i18n/types/figures.ts';
import type { PlotTheme } from './types.ts';

export type ResponseRole = 'chosen' | 'rejected' | 'other';

/** The index of the single largest (sign 1) or smallest (sign −1) reward, or −1 on a tie. */
function uniqueExtreme(rewards: readonly number[], sign: 1 | -1): number {
  let best = -1;
  let tie = false;
  rewards.forEach((r, k) => {
    if (best < 0 || sign * r > sign * rewards[best]) {
      best = k;
      tie = false;
    } else if (r === rewards[best]) tie = true;
  });
  return tie ? -1 : best;
}

/** Response k's role under `data` (default: one pair, response 0 ≻ response 1). */
export function responseRole(k: number, data?: ResponseData): ResponseRole {
  const dataset = data?.dataset ?? 'pair';
  if (dataset === 'thumbs-down') return k === 0 ? 'rejected' : 'other';
  // A deterministic order: A is the best; the worst is the last response, which the data alone do not name.
  if (dataset === 'order') return k === 0 ? 'chosen' : 'other';
  if (dataset === 'ranking') {
    const rewards = data?.rewards ?? [];
    const top = uniqueExtreme(rewards, 1);
    const bottom = uniqueExtreme(rewards, -1);
    return k === top && top !== bottom ? 'chosen' : k === bottom && top !== bottom ? 'rejected' : 'other';
  }
  return k === 0 ? 'chosen' : k === 1 ? 'rejected' : 'other';
}

/** The theme's colour for a role. */
export function roleColor(role: ResponseRole, theme: PlotTheme): string {
  return role === 'chosen' ? theme.chosen : role === 'rejected' ? theme.rejected : theme.other;
}
