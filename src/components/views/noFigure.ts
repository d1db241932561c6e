// The figure callback of a view that shows a "training…" note instead of its plot (ViewSection `pending`):
// never called, since a pending section builds no figure.
import type { Figure } from '../../figures/types.ts';

export function noFigure(): Figure {
  throw new Error('a pending view builds no figure');
}
