// Keeping the ranking rewards one per response when K changes.

export function resizeRewards(rewards: readonly number[], k: number): number[] {
  return Array.from({ length: k }, (_, i) => rewards[i] ?? 0);
}
