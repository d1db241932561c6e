// One way to take some fields of the state: a consumer names its fields once, in an `as const` list, and
// the type of what it gets is derived from that list. A computation typed on the picked fields cannot read a
// field the list forgot (it does not compile), so a memo's key and what it computes from never drift apart.
import type { AppState } from './appState.ts';

/** A consumer's list of state fields, typed as the tuple it is (a name AppState does not have does not compile). */
export function stateFields<const K extends readonly (keyof AppState)[]>(...keys: K): K {
  return keys;
}

/** The state's fields named by list `K` (a `typeof` of a stateFields list). */
export type FieldsOf<K extends readonly (keyof AppState)[]> = Pick<AppState, K[number]>;

/** The fields `keys` of `source`, as a new object typed by the list. */
export function pickFields<T extends object, const K extends readonly (keyof T)[]>(
  source: T,
  keys: K,
): Pick<T, K[number]> {
  const out = {} as Pick<T, K[number]>;
  for (const k of keys) out[k] = source[k];
  return out;
}

/** Equal by Object.is, or both arrays with equal entries (a list that came through a worker is a copy). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => Object.is(x, b[i]));
}

/** The fields `keys` of `a` and `b` are the same (shallowly: arrays entry by entry). */
export function sameFields<T extends object>(a: T, b: T, keys: readonly (keyof T)[]): boolean {
  return keys.every((k) => sameValue(a[k], b[k]));
}

/**
 * A one-entry memo of `compute` over exactly the fields `keys` of the state: it recomputes only when one of
 * them changed, and `compute` sees only those fields (so it cannot depend on one the key leaves out).
 */
export function memoByFields<const K extends readonly (keyof AppState)[], R>(
  keys: K,
  compute: (fields: Pick<AppState, K[number]>) => R,
): (source: Pick<AppState, K[number]>) => R {
  let last: { fields: Pick<AppState, K[number]>; value: R } | null = null;
  return (source) => {
    if (last && sameFields(last.fields, source, keys)) return last.value;
    const fields = pickFields(source, keys);
    last = { fields, value: compute(fields) };
    return last.value;
  };
}
