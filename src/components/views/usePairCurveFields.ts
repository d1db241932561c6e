// The fields of the pair curves (the loss and gradient views' input), re-rendering only when one changes.
import { PAIR_CURVE_FIELDS } from '../../derive/pairCurvesMemo.ts';
import { useStoreFields } from '../storeContext.tsx';

export function usePairCurveFields() {
  return useStoreFields(PAIR_CURVE_FIELDS);
}
