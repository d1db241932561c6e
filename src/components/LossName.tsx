// A loss as readers meet it everywhere: its name from the loss-name table, then its TRL loss_type in
// monospace (untranslated).
import type { LossId } from '../math/index.ts';
import type { LossNames } from '../i18n/types/losses.ts';
import { useStrings } from './strings.tsx';

export function LossName({ id }: { id: LossId }) {
  const { losses } = useStrings();
  return (
    <>
      <span className="loss-name">{losses[id].name}</span>{' '}
      <code className="loss-type" translate="no">
        {id}
      </code>
    </>
  );
}

/** The same as plain text, for messages: "DPO (sigmoid)". */
export function lossNameText(losses: LossNames, id: LossId): string {
  return `${losses[id].name} (${id})`;
}
