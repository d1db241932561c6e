// Scenario titles and explanations by scenario id. English comes straight from the scenarios (src/math), so
// it never drifts from what tests/unit/toy.scenarios.test.ts checks; other languages key on the same ids.
import { TOY_SCENARIOS } from '../../math/index.ts';
import type { PresetStrings } from '../types/presets.ts';

export const EN_PRESETS: PresetStrings = Object.fromEntries(
  TOY_SCENARIOS.map(({ id, title, explanation }) => [id, { title, explanation }]),
);
