// Every loss the explorer can show: the pair losses and the unpaired (KTO-style) ones. The ids and their
// facts are the rows of lossInfo.ts; this module keeps the names other modules import.
export { LOSS_IDS, isKtoLoss, isPairLoss, isReferenceFreeLoss, isLossId, type LossId } from './lossInfo.ts';
