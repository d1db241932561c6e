// The ids a `preset=` link may name: the toy trainer's named scenarios.
import { TOY_SCENARIOS } from '../math/index.ts';

export const PRESET_IDS: readonly string[] = TOY_SCENARIOS.map((s) => s.id);
