// The scenarios' titles and explanations, by scenario id (every id in TOY_SCENARIOS).

export interface PresetText {
  title: string;
  explanation: string;
}

/** Every scenario id → its title and explanation in one language. */
export type PresetStrings = Record<string, PresetText>;
