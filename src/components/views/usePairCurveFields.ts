// The fields of the pair curves (the loss and gradient views' input), re-rendering only when one changes.
import { PAIR_CURVE_FIELDS } from '../../derive/pairCurvesMemo.ts';
import { useViewStoreFields } from '../storeContext.tsx';

export function usePairCurveFields() {
  return useViewStoreFields(PAIR_CURVE_FIELDS);
}
