// The six views, by the ids used in `embed=` links and as element ids.
export const VIEW_IDS = ['loss', 'gradient', 'training', 'sweeps', 'plane', 'simplex'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
/** What an `embed=` link may show: a view, or the training view's "What TRL would log" part on its own. */
export const EMBED_VIEW_IDS = [...VIEW_IDS, 'metrics'] as const;
export type EmbedViewId = (typeof EMBED_VIEW_IDS)[number];
