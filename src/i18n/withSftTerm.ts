// A language table whose loss names carry the loss list the state adds beside them: with sft=0.5, DPO reads
// "DPO + 0.5·SFT", and with plus=bco_pair:0.2 as well "DPO + 0.2·BCO + 0.5·SFT", in the picker, the legends,
// the readout, the warnings and the TRL code's comments alike, because they all take loss names from the one
// table (types/losses.ts). The loss ids (TRL's loss_type values) stay as they are.
import { takesSftTerm, type ExtraTerm, type LossId } from '../math/index.ts';
import { formatNumber } from '../math/numberFormat.ts';
import type { LanguageTable } from './types/language.ts';
import type { LossNames } from './types/losses.ts';

const made = new WeakMap<LanguageTable, Map<string, LanguageTable>>();

/**
 * `table` with every loss that takes the list (takesSftTerm: the same DPOTrainer pair losses) named with its
 * further terms, in order, then the SFT term (`weight` 0 and no terms: `table` itself). A list with the SFT
 * term alone keeps its own wording (controls.sftWeight.termName); a longer one is listed term by term
 * (controls.extraTerms.listName), each further term under its short label in `table`.
 */
export function withSftTerm(
  table: LanguageTable,
  weight: number,
  extraTerms: readonly ExtraTerm[] = [],
): LanguageTable {
  if (weight === 0 && extraTerms.length === 0) return table;
  let byList = made.get(table);
  if (!byList) made.set(table, (byList = new Map()));
  const key = JSON.stringify([weight, extraTerms.map((t) => [t.type, t.weight])]);
  const known = byList.get(key);
  if (known) return known;
  const w = formatNumber(weight, 3);
  // `<weight>·<label>` reads the same in every language (a number and a loss's short name).
  const terms = [
    ...extraTerms.map((t) => `${formatNumber(t.weight, 3)}·${table.losses[t.type].label}`),
    ...(weight === 0 ? [] : [`${w}·SFT`]),
  ];
  const name = (text: string) =>
    extraTerms.length === 0
      ? table.controls.sftWeight.termName(text, w)
      : table.controls.extraTerms.listName(text, terms);
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
  byList.set(key, decorated);
  return decorated;
}
