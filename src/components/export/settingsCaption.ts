// The caption a slide image can carry: the settings the plot shows (the scenario loaded, the losses, β and
// the step), read from the same paced store as the views, so it names the state the image was drawn from.
import { formatCompact } from '../../math/numberFormat.ts';
import { isScenarioId } from '../../math/index.ts';
import { useViewStore } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';

export function useSettingsCaption(): string {
  const { views, losses: names, presets } = useStrings();
  const losses = useViewStore((s) => s.losses);
  const beta = useViewStore((s) => s.beta);
  const t = useViewStore((s) => s.t);
  const steps = useViewStore((s) => s.steps);
  const preset = useViewStore((s) => s.preset);
  return views.exportMenu.settingsCaption({
    losses: losses.map((id) => names[id].label).join(', '),
    beta: formatCompact(beta),
    step: Math.min(t, steps),
    steps,
    scenario: isScenarioId(preset) ? presets[preset].title : null,
  });
}
