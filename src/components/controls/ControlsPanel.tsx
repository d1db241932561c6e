// The sidebar: every control in three sections. On small screens a button collapses it so the plots are
// not pushed below a long column of sliders; on wide screens it is always open (see controls.css).
import { Suspense, useId, useState, type ReactNode } from 'react';
import { useStrings } from '../strings.tsx';
import { LossPicker } from './LossPicker.tsx';
import { BetaSlider } from './BetaSlider.tsx';
import { LossSettings } from './LossSettings.tsx';
import { PairControls } from './PairControls.tsx';
import { ToyPolicyControls } from './ToyPolicyControls.tsx';
import { PresetMenu } from './PresetMenu.tsx';
import { lazyPart } from '../lazyPart.tsx';
import './controls.css';

/** The last section, out of the first screen's code: it downloads at once, beside the views. */
const LazyCompareControls = lazyPart(() => import('./CompareControls.tsx').then((m) => m.CompareControls));

/** The compare section's height while its code arrives (its one menu), so nothing below it moves. */
const COMPARE_PLACEHOLDER_HEIGHT = 70;

/** Must match the media query in controls.css. */
export const SMALL_SCREEN_QUERY = '(max-width: 48rem)';

export interface ControlsPanelProps {
  /** Scenario ids for the preset menu; the menu is left out while there are none. */
  presets?: readonly string[];
  onLoadPreset?: (id: string) => void;
}

function startsCollapsed(): boolean {
  // Phones start with the plots in view; jsdom and old browsers have no matchMedia and start open.
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(SMALL_SCREEN_QUERY).matches
    : false;
}

export function ControlsPanel({ presets, onLoadPreset }: ControlsPanelProps) {
  const strings = useStrings();
  const s = strings.controls;
  const id = useId();
  const [collapsed, setCollapsed] = useState(startsCollapsed);
  const section = (key: string, title: string, body: ReactNode) => (
    <section className="controls-section" aria-labelledby={`${id}-${key}`}>
      <h3 id={`${id}-${key}`}>{title}</h3>
      {body}
    </section>
  );

  return (
    <aside className="controls-panel" aria-labelledby={`${id}-heading`}>
      <div className="controls-header">
        <h2 id={`${id}-heading`}>{s.panel.heading}</h2>
        <button
          type="button"
          className="controls-toggle"
          aria-expanded={!collapsed}
          aria-controls={`${id}-body`}
          onClick={() => setCollapsed((c) => !c)}
        >
          {collapsed ? s.panel.show : s.panel.hide}
        </button>
      </div>
      <div id={`${id}-body`} className="controls-body" data-collapsed={collapsed}>
        {presets && presets.length > 0 && onLoadPreset && <PresetMenu ids={presets} onLoad={onLoadPreset} />}
        {section(
          'loss',
          s.panel.sectionLoss,
          <>
            <LossPicker />
            <BetaSlider />
            <LossSettings />
          </>,
        )}
        {section('pair', s.panel.sectionPair, <PairControls />)}
        {section('toy', s.panel.sectionToy, <ToyPolicyControls />)}
        {section(
          'compare',
          strings.compare.legend,
          <Suspense fallback={<div style={{ height: COMPARE_PLACEHOLDER_HEIGHT }} aria-busy="true" />}>
            <LazyCompareControls />
          </Suspense>,
        )}
      </div>
    </aside>
  );
}
