// Batch definitions of TRL's logged metrics (CONVENTIONS §4), for the training-metrics table. The values
// come from elsewhere, so the "today's numbers" line is the definition equal to the logged value.
import type { TrlMetricKey } from '../../i18n/types/readout.ts';
import type { Formula } from '../../derive/formulaTemplate.ts';
import { EXPLORER_METRIC_NAMES, isExplorerMetricName } from '../../math/index.ts';

const R = String.raw;

/** TRL's order in its logs (math/trlMetrics.ts, the one list of TRL's metric names). */
export const TRL_METRIC_ORDER: readonly TrlMetricKey[] = EXPLORER_METRIC_NAMES;

export const isTrlMetricKey = isExplorerMetricName;

/** lhs and rhs of each definition over a batch of N pairs (i = 1…N). */
export const TRL_METRIC_FORMULAS: Record<TrlMetricKey, { lhs: Formula; rhs: Formula }> = {
  loss: {
    lhs: { tex: R`\text{loss}`, text: 'loss' },
    rhs: { tex: R`\frac{1}{N}\sum_i \ell_i`, text: '(1/N)·Σᵢ ℓᵢ' },
  },
  'rewards/chosen': {
    lhs: { tex: R`\text{rewards/chosen}`, text: 'rewards/chosen' },
    rhs: { tex: R`\frac{1}{N}\sum_i \beta\,\rho_{w,i}`, text: '(1/N)·Σᵢ β·ρw,ᵢ' },
  },
  'rewards/rejected': {
    lhs: { tex: R`\text{rewards/rejected}`, text: 'rewards/rejected' },
    rhs: { tex: R`\frac{1}{N}\sum_i \beta\,\rho_{l,i}`, text: '(1/N)·Σᵢ β·ρl,ᵢ' },
  },
  'rewards/margins': {
    lhs: { tex: R`\text{rewards/margins}`, text: 'rewards/margins' },
    rhs: {
      tex: R`\frac{1}{N}\sum_i \big(\beta\,\rho_{w,i} - \beta\,\rho_{l,i}\big)`,
      text: '(1/N)·Σᵢ (β·ρw,ᵢ − β·ρl,ᵢ)',
    },
  },
  'rewards/accuracies': {
    lhs: { tex: R`\text{rewards/accuracies}`, text: 'rewards/accuracies' },
    rhs: {
      tex: R`\frac{1}{N}\sum_i \mathbf{1}\big[\beta\,\rho_{w,i} > \beta\,\rho_{l,i}\big]`,
      text: '(1/N)·Σᵢ 1[β·ρw,ᵢ > β·ρl,ᵢ]',
    },
  },
  'logps/chosen': {
    lhs: { tex: R`\text{logps/chosen}`, text: 'logps/chosen' },
    rhs: { tex: R`\frac{1}{N}\sum_i \log\pi_\theta(y_{w,i})`, text: '(1/N)·Σᵢ log πθ(y_w,ᵢ)' },
  },
  'logps/rejected': {
    lhs: { tex: R`\text{logps/rejected}`, text: 'logps/rejected' },
    rhs: { tex: R`\frac{1}{N}\sum_i \log\pi_\theta(y_{l,i})`, text: '(1/N)·Σᵢ log πθ(y_l,ᵢ)' },
  },
  kl: {
    lhs: { tex: R`\text{kl}`, text: 'kl' },
    rhs: {
      tex: R`\max\Big(0,\ \frac{1}{M}\sum_j \big(\log\pi_\theta(y'_j) - \log\pi_{\mathrm{ref}}(y'_j)\big)\Big)`,
      text: 'max(0, (1/M)·Σⱼ (log πθ(y′ⱼ) − log πref(y′ⱼ)))',
    },
  },
  nll_loss: {
    lhs: { tex: R`\text{nll\_loss}`, text: 'nll_loss' },
    rhs: { tex: R`\frac{1}{N}\sum_i \big(-\mu_{w,i}\big)`, text: '(1/N)·Σᵢ (−μw,ᵢ)' },
  },
  log_odds_ratio: {
    lhs: { tex: R`\text{log\_odds\_ratio}`, text: 'log_odds_ratio' },
    rhs: { tex: R`\frac{1}{N}\sum_i \log\sigma(o_i)`, text: '(1/N)·Σᵢ log σ(oᵢ)' },
  },
  log_odds_chosen: {
    lhs: { tex: R`\text{log\_odds\_chosen}`, text: 'log_odds_chosen' },
    rhs: { tex: R`\frac{1}{N}\sum_i o_i`, text: '(1/N)·Σᵢ oᵢ' },
  },
};

/**
 * CPOTrainer (SimPO) and ORPOTrainer: no reference model, so their rewards are β × the per-token mean
 * log-prob μ = log πθ(y)/L, and their logps/* are those means (both average per token).
 */
export const REFERENCE_FREE_METRIC_FORMULAS: Partial<Record<TrlMetricKey, { lhs: Formula; rhs: Formula }>> = {
  'rewards/chosen': {
    lhs: TRL_METRIC_FORMULAS['rewards/chosen'].lhs,
    rhs: { tex: R`\frac{1}{N}\sum_i \beta\,\mu_{w,i}`, text: '(1/N)·Σᵢ β·μw,ᵢ' },
  },
  'rewards/rejected': {
    lhs: TRL_METRIC_FORMULAS['rewards/rejected'].lhs,
    rhs: { tex: R`\frac{1}{N}\sum_i \beta\,\mu_{l,i}`, text: '(1/N)·Σᵢ β·μl,ᵢ' },
  },
  'rewards/margins': {
    lhs: TRL_METRIC_FORMULAS['rewards/margins'].lhs,
    rhs: {
      tex: R`\frac{1}{N}\sum_i \big(\beta\,\mu_{w,i} - \beta\,\mu_{l,i}\big)`,
      text: '(1/N)·Σᵢ (β·μw,ᵢ − β·μl,ᵢ)',
    },
  },
  'rewards/accuracies': {
    lhs: TRL_METRIC_FORMULAS['rewards/accuracies'].lhs,
    rhs: {
      tex: R`\frac{1}{N}\sum_i \mathbf{1}\big[\beta\,\mu_{w,i} > \beta\,\mu_{l,i}\big]`,
      text: '(1/N)·Σᵢ 1[β·μw,ᵢ > β·μl,ᵢ]',
    },
  },
  'logps/chosen': {
    lhs: TRL_METRIC_FORMULAS['logps/chosen'].lhs,
    rhs: {
      tex: R`\frac{1}{N}\sum_i \frac{\log\pi_\theta(y_{w,i})}{L_{w,i}}`,
      text: '(1/N)·Σᵢ log πθ(y_w,ᵢ)/Lw,ᵢ',
    },
  },
  'logps/rejected': {
    lhs: TRL_METRIC_FORMULAS['logps/rejected'].lhs,
    rhs: {
      tex: R`\frac{1}{N}\sum_i \frac{\log\pi_\theta(y_{l,i})}{L_{l,i}}`,
      text: '(1/N)·Σᵢ log πθ(y_l,ᵢ)/Ll,ᵢ',
    },
  },
};

/** A run's metrics come from a trainer without a reference model: only CPOTrainer and ORPOTrainer log nll_loss. */
export function isReferenceFreeRun(metrics: Readonly<Record<string, unknown>>): boolean {
  return 'nll_loss' in metrics;
}
