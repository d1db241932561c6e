// Every loss the explorer can show: the pair losses and the unpaired (KTO-style) ones.
import type { KtoLossType, PairLossType } from './types.ts';
import { PAIR_LOSS_TYPES } from './pairKernels.ts';
import { KTO_LOSS_TYPES } from './kto.ts';

export type LossId = PairLossType | KtoLossType;

export const LOSS_IDS: readonly LossId[] = [...PAIR_LOSS_TYPES, ...KTO_LOSS_TYPES];

export function isKtoLoss(id: LossId): id is KtoLossType {
  return (KTO_LOSS_TYPES as readonly string[]).includes(id);
}
