// SGD and Adam updating θ in place. Adam follows torch.optim.Adam with its defaults, bias correction
// included, so that a run here matches a PyTorch run step for step.
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

export interface OptimizerState {
  /** Adam's first and second moments (unused by SGD). */
  m: Float64Array;
  v: Float64Array;
  /** Updates taken so far. */
  t: number;
  /** β₁ᵗ and β₂ᵗ, kept as running products: Math.pow on every step showed up in profiles. */
  beta1Power: number;
  beta2Power: number;
}

export function createOptimizerState(d: number): OptimizerState {
  return { m: new Float64Array(d), v: new Float64Array(d), t: 0, beta1Power: 1, beta2Power: 1 };
}

export function resetOptimizerState(state: OptimizerState): void {
  state.m.fill(0);
  state.v.fill(0);
  state.t = 0;
  state.beta1Power = 1;
  state.beta2Power = 1;
}

/** θ ← θ − η·g. */
export function sgdStep(theta: Float64Array, grad: Float64Array, lr: number, state: OptimizerState): void {
  state.t++;
  for (let j = 0; j < theta.length; j++) theta[j] -= lr * grad[j];
}

/** torch.optim.Adam (amsgrad off, no weight decay): θ ← θ − (η/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε). */
export function adamStep(theta: Float64Array, grad: Float64Array, lr: number, state: OptimizerState): void {
  state.t++;
  const b1 = (state.beta1Power *= ADAM_BETA1);
  const b2 = (state.beta2Power *= ADAM_BETA2);
  const stepSize = lr / (1 - b1);
  const bc2Sqrt = Math.sqrt(1 - b2);
  const { m, v } = state;
  for (let j = 0; j < theta.length; j++) {
    const g = grad[j];
    m[j] = ADAM_BETA1 * m[j] + (1 - ADAM_BETA1) * g;
    v[j] = ADAM_BETA2 * v[j] + (1 - ADAM_BETA2) * g * g;
    theta[j] -= (stepSize * m[j]) / (Math.sqrt(v[j]) / bc2Sqrt + ADAM_EPS);
  }
}

export type OptimizerStep = typeof sgdStep;

export const OPTIMIZER_STEPS: Record<'sgd' | 'adam', OptimizerStep> = { sgd: sgdStep, adam: adamStep };
