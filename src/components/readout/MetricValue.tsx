// A number that explains itself: focusable, and on hover or keyboard focus it shows a popover with its
// formula and the same formula with today's numbers. Escape, blur or moving away closes it. The popover is
// position: fixed so a scrolling table cannot clip it; on scroll it follows its number (focusing a number
// scrolls it into view, so closing on scroll would close every popover that keyboard focus opens).
import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useStrings } from '../strings.tsx';
import { formatNumber } from '../../math/numberFormat.ts';
import type { Formula } from '../../derive/formulaTemplate.ts';
import { FormulaView } from './FormulaView.tsx';

/** Time to move the pointer from the number onto its popover (WCAG 1.4.13: content on hover is hoverable). */
const HOVER_GRACE_MS = 150;
const POPOVER_WIDTH_PX = 448;

export interface MetricValueProps {
  value: number;
  /** First line of the popover, e.g. the metric and the loss. */
  title: ReactNode;
  formula: Formula;
  substituted: Formula;
  /** Extra lines under the formulas (TRL-vs-paper notes). */
  children?: ReactNode;
}

function placeNear(rect: DOMRect): CSSProperties {
  const width = Math.min(POPOVER_WIDTH_PX, window.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  // Below the number unless that is low on the screen; then above it.
  return rect.bottom < window.innerHeight * 0.6
    ? { left, top: rect.bottom + 6, maxWidth: width }
    : { left, bottom: window.innerHeight - rect.top + 6, maxWidth: width };
}

export function MetricValue({ value, title, formula, substituted, children }: MetricValueProps) {
  const s = useStrings().readout;
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const focused = useRef(false);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<CSSProperties>({});

  const show = () => {
    clearTimeout(closeTimer.current);
    if (button.current) setPlace(placeNear(button.current.getBoundingClientRect()));
    setOpen(true);
  };
  const close = () => {
    clearTimeout(closeTimer.current);
    setOpen(false);
  };
  const closeSoon = () => {
    clearTimeout(closeTimer.current);
    if (!focused.current) closeTimer.current = setTimeout(() => setOpen(false), HOVER_GRACE_MS);
  };

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onMove = () => {
      if (button.current) setPlace(placeNear(button.current.getBoundingClientRect()));
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onMove, { capture: true, passive: true });
    window.addEventListener('resize', onMove);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onMove, { capture: true });
      window.removeEventListener('resize', onMove);
    };
  }, [open]);

  useEffect(() => () => clearTimeout(closeTimer.current), []);

  return (
    <div className="metric">
      <button
        ref={button}
        type="button"
        className="metric-value"
        aria-describedby={id}
        onFocus={() => {
          focused.current = true;
          show();
        }}
        onBlur={() => {
          focused.current = false;
          close();
        }}
        // Touch has neither hover nor (in Safari) focus on tap: a tap opens it too.
        onClick={show}
        onMouseEnter={show}
        onMouseLeave={closeSoon}
      >
        {formatNumber(value)}
      </button>
      {/* Always in the DOM, so aria-describedby has text to read even while it is hidden. */}
      <div
        id={id}
        role="tooltip"
        className="formula-popover"
        hidden={!open}
        style={place}
        onMouseEnter={show}
        onMouseLeave={closeSoon}
      >
        <p className="formula-title">{title}</p>
        <p className="formula-label">{s.formulaHeading}</p>
        <FormulaView formula={formula} visible={open} />
        <p className="formula-label">{s.numbersHeading}</p>
        <FormulaView formula={substituted} visible={open} />
        {children}
      </div>
    </div>
  );
}
