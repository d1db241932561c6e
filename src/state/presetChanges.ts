// Whether the state still is the loaded scenario: the fields the scenario sets (its presetPatch), compared
// with the scenario's own state (the base a link starts from). A field the scenario leaves alone (theme,
// language, the plane's loss, the metric ticks) never counts as a change.
import type { AppState } from './appState.ts';
import { findPresetScenario, presetPatch } from './presets.ts';
import { baseState } from './urlCodec.ts';

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

/** The fields of the loaded scenario that now differ from it, in the patch's order; [] when none or no scenario. */
export function presetChanges(state: Readonly<AppState>): (keyof AppState)[] {
  const scenario = state.preset ? findPresetScenario(state.preset) : undefined;
  if (!scenario) return [];
  const base = baseState(state.preset);
  const fields = Object.keys(presetPatch(scenario)) as (keyof AppState)[];
  // The time cursor is where one looks in the scenario's run, not a change to it.
  return fields.filter((f) => f !== 'preset' && f !== 't' && !sameValue(state[f], base[f]));
}
