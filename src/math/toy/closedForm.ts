// Where training has a closed-form limit (CONVENTIONS.md §6), the sweeps use it instead of training.
//
// Tabular policy, exactly one pair (w, l), a loss of the margin alone with ∂L/∂ρw = −∂L/∂ρl: the gradient
// on log π sums to zero, so ∂/∂logits = g touches only logits w and l, by equal and opposite amounts (SGD
// and Adam alike, from θ = 0). Training therefore moves logit w up by t and logit l down by t and leaves
// every other logit at its base value; it stops where the margin h = (x_w − x_l) − (ref_w − ref_l) equals
// the optimum h*. Solving for t gives the limit below. With K = 2 and base = ref this is
// logit π*(y_w) = logit πref(y_w) + h*, optima.ts's twoResponseOptimum.
import { optimalMargin, pairLossInfo, perTokenMargin } from '../lossInfo.ts';
import { softmax } from '../stable.ts';
import { plainMargin, type PreparedConfig, type PreparedProblem } from './prepare.ts';

/**
 * The probabilities training converges to, or null when there is no closed form here (several pairs,
 * shared features, KTO, a loss without one, or an optimum at infinite margin: DPO with p = 1).
 */
export function closedFormProbs(pb: PreparedProblem, cfg: PreparedConfig): number[] | null {
  if (cfg.loss.kind !== 'pair' || !pb.tabular || pb.pairChosen.length !== 1 || !plainMargin(cfg)) return null;
  const { type, params } = cfg.loss;
  // Losses of one margin whose optimum is a stationary point training converges to (not hinge, which
  // stops anywhere past its kink).
  if (!pairLossInfo(type).optimum?.stationary) return null;
  const w = pb.pairChosen[0];
  const l = pb.pairRejected[0];
  // Token-normalised margins h̄ = ρw/Lw − ρl/Ll keep the gradient balanced only for equal lengths; then h = L·h̄.
  const ipoNormalization = params.ipoSum ? 'sum' : 'token';
  const normalised = perTokenMargin(type, { ipoNormalization });
  let scale = 1;
  if (normalised) {
    if (pb.invLength[w] !== pb.invLength[l]) return null;
    scale = 1 / pb.invLength[w];
  }
  const own = optimalMargin(type, pb.pairP[0], {
    beta: params.beta,
    labelSmoothing: params.eps,
    ipoNormalization,
  });
  if (own === null || !Number.isFinite(own)) return null;
  const hStar = own * scale;
  const x = Array.from(pb.base);
  const h0 = x[w] - x[l] - (pb.refLogp[w] - pb.refLogp[l]);
  const t = (hStar - h0) / 2;
  x[w] += t;
  x[l] -= t;
  return softmax(x);
}
