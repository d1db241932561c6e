// Embedded views size their plots to the iframe: App provides the height the frame leaves for a plot, and
// every PlotlyPlot below uses it instead of its own default.
import { createContext, useContext, useEffect, useState } from 'react';

export const PlotHeightContext = createContext<number | null>(null);

export function usePlotHeightOverride(): number | null {
  return useContext(PlotHeightContext);
}

/** The window's height less `reserved` pixels (heading, caption, toolbar), never below `min`. */
export function useAvailableHeight(reserved: number, min = 220): number {
  const measure = () => Math.max(min, (typeof window === 'undefined' ? 600 : window.innerHeight) - reserved);
  const [h, setH] = useState(measure);
  useEffect(() => {
    const onResize = () => setH(Math.max(min, window.innerHeight - reserved));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [reserved, min]);
  return h;
}
