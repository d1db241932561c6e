// Says on screen that training diverged, where it did, and what to change: the training view's runs, or
// the points of one sweep. The live region is always there (so that screen readers hear the warning when
// it appears) and empty while nothing diverged.
import type { AppState } from '../../state/appState.ts';
import type { DivergedRun, DivergedSweep } from '../../state/derive/divergence.ts';
import type { LanguageTable } from '../../i18n/languages.ts';
import { formatNumber } from '../format.ts';
import './divergence.css';

interface Common {
  lang: LanguageTable;
  learningRate: number;
  optimizer: AppState['optimizer'];
}

function Warning({ text }: { text: string | null }) {
  return (
    <div role="status" className="divergence-status">
      {text && <p className="divergence-warning">{text}</p>}
    </div>
  );
}

export function TrainingDivergenceWarning({
  runs,
  lang,
  learningRate,
  optimizer,
}: Common & { runs: readonly DivergedRun[] }) {
  const text =
    runs.length === 0
      ? null
      : lang.app.trainingDiverged(
          runs.map((r) => ({ loss: lang.figures.lossLabel(r.id), step: r.step })),
          formatNumber(learningRate),
          optimizer,
        );
  return <Warning text={text} />;
}

export function SweepDivergenceWarning({
  sweeps,
  axis,
  lang,
  learningRate,
  optimizer,
}: Common & { sweeps: readonly DivergedSweep[]; axis: 'beta' | 'ref' }) {
  const text =
    sweeps.length === 0
      ? null
      : lang.app.sweepDiverged(
          sweeps.map((w) => ({
            loss: lang.figures.lossLabel(w.id),
            count: w.count,
            total: w.total,
            from: formatNumber(w.from, 3),
            to: formatNumber(w.to, 3),
          })),
          axis,
          formatNumber(learningRate),
          optimizer,
        );
  return <Warning text={text} />;
}
