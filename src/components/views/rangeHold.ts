// What a view's plot does while a slider is dragged (components/adjusting.ts). It hands the ranges the plot
// has shown so far back to the figure builder (HeldRanges in figures/types.ts), so the axes only widen during
// a drag: a few full draws instead of one per move. And a plot off screen is not rebuilt at all until the
// drag ends or it scrolls into view: nobody sees it, and building the figures of every view below the fold
// cost more than the ones on screen. One per plot, kept across renders like a memo.
import type { Figure, HeldRanges } from '../../figures/types.ts';
import { figureRanges } from '../../figures/layout.ts';

export interface RangeHold {
  /**
   * Builds with the ranges shown so far while `adjusting`, on the figure's own ranges otherwise; while
   * adjusting off screen, the figure built last (the same object) once there is one.
   */
  build(figure: (held?: HeldRanges) => Figure, adjusting: boolean, onScreen?: boolean): Figure;
}

export function rangeHold(): RangeHold {
  let shown: HeldRanges = {};
  let last: Figure | null = null;
  return {
    build(figure, adjusting, onScreen = true) {
      if (adjusting && !onScreen && last) return last;
      const built = figure(adjusting ? shown : undefined);
      shown = figureRanges(built);
      last = built;
      return built;
    },
  };
}
