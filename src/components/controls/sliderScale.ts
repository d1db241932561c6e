// Where a value sits on a range input. A log slider runs over log10(value), so every decade of β or of the
// learning rate gets the same width and 0.001 is as reachable as 10. Which scale a parameter has is said
// by the parameter list (state/urlParams.ts).
import type { Scale } from '../../state/urlParams.ts';

export type SliderScale = Scale;

export interface SliderSpec {
  /** Ends of the slider in value units (a log slider needs min > 0). */
  min: number;
  max: number;
  scale?: SliderScale;
  /** Drag granularity in slider units: value units for linear, decades (log10) for log. */
  step: number;
  /** Arrow keys move this far (slider units); defaults to `step`. */
  keyStep?: number;
  /** Page Up / Page Down move this far (slider units); defaults to 10 arrow steps. */
  pageStep?: number;
}

export function toPosition(value: number, scale: SliderScale): number {
  return scale === 'log' ? Math.log10(value) : value;
}

export function fromPosition(position: number, scale: SliderScale): number {
  return scale === 'log' ? 10 ** position : position;
}

function decimalsOf(step: number): number {
  const s = String(step);
  const e = s.indexOf('e-');
  if (e >= 0) return Number(s.slice(e + 2));
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * A linear position snapped to the step grid and cleared of float noise (0.1 + 0.01 = 0.11000000000000001
 * would otherwise end up in a shared link).
 */
export function snapLinear(position: number, min: number, step: number): number {
  const n = Math.round((position - min) / step);
  return Number((min + n * step).toFixed(decimalsOf(step)));
}

/** The new position for a key, or null for keys a slider does not handle. */
export function keyPosition(
  key: string,
  position: number,
  lo: number,
  hi: number,
  spec: SliderSpec,
): number | null {
  const small = spec.keyStep ?? spec.step;
  const big = spec.pageStep ?? small * 10;
  const moves: Record<string, number> = {
    ArrowRight: small,
    ArrowUp: small,
    ArrowLeft: -small,
    ArrowDown: -small,
    PageUp: big,
    PageDown: -big,
  };
  if (key === 'Home') return lo;
  if (key === 'End') return hi;
  const move = moves[key];
  if (move === undefined) return null;
  return Math.min(hi, Math.max(lo, position + move));
}
