// Makes any patch to the state valid before it reaches the store: the same ranges as the URL, so a slider,
// a number box and a link can never put the app into a state a link could not express.
import type { AppState } from './appState.ts';
import { URL_PARAMS, KNOWN_LOSSES } from './urlParams.ts';
import { normaliseProbs, resizeRefProbs } from './refProbs.ts';
import { resizeRewards } from './rewards.ts';
import type { LossId } from '../math/index.ts';
import { smoothingFor } from './derive/lossParams.ts';

// Finite inputs only; −0 becomes 0, as the URL reader does, so the state stays canonical.
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v)) || 0;

/** Returns `base` with `patch` applied, every field clamped or, when unusable, left as it was. */
export function applyPatch(base: Readonly<AppState>, patch: Partial<AppState>): AppState {
  // Arrays are shared with `base` unless patched, so selectors comparing them by identity (useShallow)
  // see no change where there was none. Nothing mutates them in place.
  const next: AppState = { ...base };
  for (const param of URL_PARAMS) {
    switch (param.kind) {
      case 'number': {
        const v = patch[param.field];
        if (typeof v === 'number' && Number.isFinite(v)) {
          const r = param.integer ? Math.round(v) : v;
          next[param.field] = clamp(r, param.min, param.max);
        }
        break;
      }
      case 'enum': {
        const v = patch[param.field];
        if (typeof v === 'string' && param.choices.includes(v)) (next[param.field] as string) = v;
        break;
      }
      case 'bool': {
        const v = patch[param.field];
        if (typeof v === 'boolean') next[param.field] = v;
        break;
      }
      case 'lossList': {
        const v = patch.losses;
        if (Array.isArray(v)) {
          const ok = v.filter((id, i) => KNOWN_LOSSES.has(id) && v.indexOf(id) === i) as LossId[];
          if (ok.length > 0) next.losses = ok;
        }
        break;
      }
      case 'probList': {
        const v = patch.refProbs;
        if (Array.isArray(v) && v.length >= 2 && v.every((x) => Number.isFinite(x) && x >= 0))
          next.refProbs = normaliseProbs(
            v.map((x) => Math.max(x, param.min)),
            param.min,
          );
        break;
      }
      case 'rewardList': {
        const v = patch.rewards;
        if (Array.isArray(v) && v.length >= 1 && v.every((x) => Number.isFinite(x)))
          next.rewards = v.map((x) => clamp(x, param.min, param.max));
        break;
      }
      case 'z0': {
        const mode = patch.z0Mode;
        if (mode === 'kl' || mode === 'batch' || mode === 'fixed') next.z0Mode = mode;
        const z = patch.z0;
        if (typeof z === 'number' && Number.isFinite(z)) next.z0 = clamp(z, param.min, param.max);
        break;
      }
    }
  }
  if (next.refProbs.length !== next.responses) {
    // A new K wins over an old list; a new list of another length sets K.
    if (patch.refProbs && patch.responses === undefined && next.refProbs.length <= 6)
      next.responses = next.refProbs.length;
    else next.refProbs = resizeRefProbs(next.refProbs, next.responses);
  }
  if (next.rewards.length !== next.responses) next.rewards = resizeRewards(next.rewards, next.responses);
  // EXO cannot take ε below its minimum: while it is chosen, the state's ε is the one it computes with.
  if (next.losses.includes('exo_pair')) next.labelSmoothing = smoothingFor('exo_pair', next.labelSmoothing);
  return next;
}
