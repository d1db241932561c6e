// Which losses to show. DPO, IPO and KTO come first; every other TRL loss_type sits in a <details>. Several
// can be ticked to compare; unticking the last one is refused with a polite note (the views need a loss).
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isReferenceFreeLoss, LOSS_IDS, type LossId } from '../../math/index.ts';
import { useStrings } from '../strings.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { LossName, lossNameText } from '../LossName.tsx';

/** The three losses the explorer is about, always in view. */
export const FRONT_LOSSES: readonly LossId[] = ['sigmoid', 'ipo', 'kto'];
const OTHER_LOSSES = LOSS_IDS.filter((id) => !FRONT_LOSSES.includes(id));
/** Inside "All TRL losses": the DPO/KTO trainers' losses, then trl.experimental's without a reference (SimPO, ORPO). */
const WITH_REFERENCE = OTHER_LOSSES.filter((id) => !isReferenceFreeLoss(id));
const WITHOUT_REFERENCE = OTHER_LOSSES.filter(isReferenceFreeLoss);

interface LossCheckboxProps {
  id: LossId;
  checked: boolean;
  onToggle: (id: LossId, checked: boolean) => void;
}

function LossCheckbox({ id, checked, onToggle }: LossCheckboxProps) {
  const domId = useId();
  const note = useStrings().losses[id].note;
  return (
    <li className="loss-option">
      <input
        type="checkbox"
        id={domId}
        checked={checked}
        aria-describedby={note ? `${domId}-note` : undefined}
        onChange={(e) => onToggle(id, e.currentTarget.checked)}
      />
      <label htmlFor={domId}>
        <LossName id={id} />
      </label>
      {note && (
        <span id={`${domId}-note`} className="loss-note">
          {note}
        </span>
      )}
    </li>
  );
}

export function LossPicker() {
  const strings = useStrings();
  const s = strings.controls;
  const helpId = useId();
  const losses = useStore(useShallow((st) => st.losses));
  const api = useStoreApi();
  const [refusal, setRefusal] = useState('');
  const hiddenSelected = OTHER_LOSSES.filter((id) => losses.includes(id)).length;
  // Open at first when a link selected one of the hidden losses, so nothing ticked is out of sight.
  const [open, setOpen] = useState(hiddenSelected > 0);

  const onToggle = (id: LossId, checked: boolean) => {
    const current = api.getState().losses;
    if (!checked && current.length === 1 && current[0] === id) {
      setRefusal(s.lossPicker.keepOne(lossNameText(strings.losses, id)));
      return;
    }
    setRefusal('');
    const next = checked
      ? current.includes(id)
        ? current
        : [...current, id]
      : current.filter((x) => x !== id);
    api.getState().update({ losses: next });
  };

  const box = (id: LossId) => (
    <LossCheckbox key={id} id={id} checked={losses.includes(id)} onToggle={onToggle} />
  );

  return (
    <fieldset className="loss-picker" aria-describedby={helpId}>
      <legend>{s.lossPicker.legend}</legend>
      <p id={helpId} className="field-help">
        {s.lossPicker.help}
      </p>
      <ul className="loss-list">{FRONT_LOSSES.map(box)}</ul>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {s.lossPicker.allTrlLosses}
          {hiddenSelected > 0 && (
            <span className="loss-count"> ({s.lossPicker.selectedCount(hiddenSelected)})</span>
          )}
        </summary>
        <ul className="loss-list">{WITH_REFERENCE.map(box)}</ul>
        <p className="field-help">{s.lossPicker.batchOnly}</p>
        <p className="loss-group" id={`${helpId}-free`}>
          {s.lossPicker.referenceFreeGroup}
        </p>
        <ul className="loss-list" aria-labelledby={`${helpId}-free`}>
          {WITHOUT_REFERENCE.map(box)}
        </ul>
      </details>
      {/* Always in the DOM: a live region announces changes, not its own arrival. */}
      <p role="status" className="polite-note">
        {refusal}
      </p>
    </fieldset>
  );
}
