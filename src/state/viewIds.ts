// The six views, by the ids used in `embed=` links and as element ids.
export const VIEW_IDS = ['loss', 'gradient', 'training', 'sweeps', 'plane', 'simplex'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
