// A loss as readers meet it everywhere: its human name, then its TRL loss_type in monospace (untranslated).
import type { LossId } from '../math/index.ts';
import { useUiStrings } from './i18nContext.tsx';

export function LossName({ id }: { id: LossId }) {
  const s = useUiStrings();
  return (
    <>
      <span className="loss-name">{s.losses.names[id]}</span>{' '}
      <code className="loss-type" translate="no">
        {id}
      </code>
    </>
  );
}

/** The same as plain text, for messages: "DPO (sigmoid)". */
export function lossNameText(names: Record<LossId, string>, id: LossId): string {
  return `${names[id]} (${id})`;
}
