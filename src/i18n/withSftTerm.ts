// A language table whose loss names carry the SFT term the state adds beside them: with sft=0.5, DPO reads
// "DPO + 0.5·SFT" in the picker, the legends, the readout, the warnings and the TRL code's comments alike,
// because they all take loss names from the one table (types/losses.ts). The loss ids (TRL's loss_type
// values) stay as they are.
import { takesSftTerm, type LossId } from '../math/index.ts';
import { formatNumber } from '../math/numberFormat.ts';
import type { LanguageTable } from './types/language.ts';
import type { LossNames } from './types/losses.ts';

const made = new WeakMap<LanguageTable, Map<number, LanguageTable>>();

/** `table` with every loss that takes the SFT term named with it (`weight` 0: `table` itself). */
export function withSftTerm(table: LanguageTable, weight: number): LanguageTable {
  if (weight === 0) return table;
  let byWeight = made.get(table);
  if (!byWeight) made.set(table, (byWeight = new Map()));
  const known = byWeight.get(weight);
  if (known) return known;
  const w = formatNumber(weight, 3);
  const name = (text: string) => table.controls.sftWeight.termName(text, w);
  const losses = { ...table.losses } as LossNames;
  for (const id of Object.keys(losses) as LossId[]) {
    if (!takesSftTerm(id)) continue;
    const row = losses[id];
    losses[id] = { ...row, name: name(row.name), label: name(row.label) };
  }
  const baseLabel = table.figures.lossLabel;
  const decorated: LanguageTable = {
    ...table,
    losses,
    figures: {
      ...table.figures,
      lossLabel: (id) => (takesSftTerm(id) ? name(baseLabel(id)) : baseLabel(id)),
    },
  };
  byWeight.set(weight, decorated);
  return decorated;
}
