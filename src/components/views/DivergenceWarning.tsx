// Says on screen that training diverged, where it did, and what to change: the training view's runs. (Sweep
// points do not depend on the learning rate; the sweeps view's caption says which did not converge.) The
// live region is always there (so that screen readers hear the warning when it appears) and empty while
// nothing diverged.
import type { AppState } from '../../state/appState.ts';
import type { DivergedRun } from '../../derive/divergence.ts';
import { formatNumber } from '../../math/numberFormat.ts';
import { useStrings } from '../strings.tsx';
import './divergence.css';

interface Common {
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
  learningRate,
  optimizer,
}: Common & { runs: readonly DivergedRun[] }) {
  const { views, losses } = useStrings();
  const text =
    runs.length === 0
      ? null
      : views.trainingDiverged(
          runs.map((r) => ({ loss: losses[r.id].label, step: r.step })),
          formatNumber(learningRate),
          optimizer,
        );
  return <Warning text={text} />;
}
