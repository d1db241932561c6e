// The words of a readout note, from the strings table.
import type { UiStrings } from '../../i18n/uiStrings.ts';
import { formatNumber } from '../format.ts';
import type { ReadoutNote } from './pairReadout.ts';

export function readoutNoteText(note: ReadoutNote, s: UiStrings['readout']['notes']): string {
  switch (note.kind) {
    case 'ktoZ0Estimated':
      return s.ktoZ0Estimated(note.mode);
    case 'ktoZ0Fixed':
      return s.ktoZ0Fixed(formatNumber(note.z0));
    case 'ktoLossSum':
      return s.ktoLossSum(formatNumber(note.trlMean));
    default:
      return s[note.kind];
  }
}
