// Filled from the presets list; kept apart so the URL schema does not import the presets' contents.
export const PRESET_IDS: readonly string[] = [];
