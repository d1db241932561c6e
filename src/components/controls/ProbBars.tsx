// A small bar chart of the toy's policies: for each response, π_ref(k) and the starting π_θ(k). Each bar is a
// slider: drag its top (pointer capture, so a drag that leaves the bar keeps going; touch too) or use the
// keyboard. Plain SVG, not Plotly, so a drag costs a store update and a few attributes. Setting one bar
// goes through the same rules as the number fields (refProbEdit.ts setOneProb, startEdit.ts
// setStartLogProb), so the others rescale exactly as they would there. Colours follow each response's role
// in the data (figures/responseRole.ts) through the theme's CSS variables.
import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStrings } from '../strings.tsx';
import { useStore, useStoreApi } from '../storeContext.tsx';
import { startLogProbsOf } from '../../derive/mathParams.ts';
import { responseRole } from '../../figures/responseRole.ts';
import { formatNumber } from '../../math/numberFormat.ts';
import { responseSymbol } from '../../i18n/figureFormat.ts';
import { refProbMin } from './paramRange.ts';
import { setOneProb } from './refProbEdit.ts';
import { setStartLogProb, START_PROB_MIN } from './startEdit.ts';

const REF_MIN = refProbMin();
/** Four decimals, as the number fields round (and +0 for −0). */
const round4 = (v: number) => Number(v.toFixed(4)) + 0;

/** The chart's geometry in SVG units (the viewBox): the bars' baseline and full height, one group per response. */
export const BAR_GEOMETRY = { top: 8, height: 100, group: 64, bar: 22, label: 22, left: 28 } as const;
const VIEW_H = BAR_GEOMETRY.top + BAR_GEOMETRY.height + BAR_GEOMETRY.label;
const BASE = BAR_GEOMETRY.top + BAR_GEOMETRY.height;

/** A number as ARIA wants it: plain decimals (axe rejects 1e-9), to 12 places. */
const ariaNumber = (x: number): string => x.toFixed(12).replace(/\.?0+$/, '');

/** Keyboard steps in probability: arrows, Page Up/Down (as the reference sliders' keyStep and pageStep). */
export const BAR_STEPS = { key: 0.01, page: 0.1 } as const;

type Kind = 'ref' | 'start';

interface BarProps {
  kind: Kind;
  index: number;
  value: number;
  min: number;
  max: number;
  name: string;
  valueText: string;
  x: number;
  className: string;
  onSet: (value: number) => void;
  svg: RefObject<SVGSVGElement | null>;
}

function Bar({ kind, index, value, min, max, name, valueText, x, className, onSet, svg }: BarProps) {
  const dragging = useRef(false);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  /** The probability under a pointer at clientY, from the chart's box on screen and its viewBox. */
  const valueAt = (clientY: number): number => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.height <= 0) return value;
    const y = ((clientY - box.top) / box.height) * VIEW_H;
    return clamp((BASE - y) / BAR_GEOMETRY.height);
  };
  const onPointerDown = (e: PointerEvent<SVGGElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.currentTarget.focus();
    onSet(valueAt(e.clientY));
  };
  const onPointerMove = (e: PointerEvent<SVGGElement>) => {
    if (dragging.current) onSet(valueAt(e.clientY));
  };
  const end = (e: PointerEvent<SVGGElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const step: Record<string, number> = {
      ArrowUp: BAR_STEPS.key,
      ArrowRight: BAR_STEPS.key,
      ArrowDown: -BAR_STEPS.key,
      ArrowLeft: -BAR_STEPS.key,
      PageUp: BAR_STEPS.page,
      PageDown: -BAR_STEPS.page,
    };
    let next: number;
    if (e.key in step) next = clamp(value + step[e.key]);
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    else return;
    e.preventDefault();
    onSet(next);
  };
  const h = Math.max(0, Math.min(1, value)) * BAR_GEOMETRY.height;
  // Strings, not numbers: React would write 1e-9, which is no valid ARIA number.
  const range: Record<string, string> = {
    'aria-valuenow': ariaNumber(value),
    'aria-valuemin': ariaNumber(min),
    'aria-valuemax': ariaNumber(max),
  };
  return (
    <g
      role="slider"
      tabIndex={0}
      aria-label={name}
      {...range}
      aria-valuetext={valueText}
      aria-orientation="vertical"
      className={`prob-bar prob-bar-${kind} ${className}`}
      data-response={index}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    >
      {/* The whole column takes the pointer, so a bar near 0 can still be grabbed. */}
      <rect
        className="prob-bar-hit"
        x={x - 3}
        y={BAR_GEOMETRY.top}
        width={BAR_GEOMETRY.bar + 6}
        height={BAR_GEOMETRY.height}
      />
      <rect className="prob-bar-fill" x={x} y={BASE - h} width={BAR_GEOMETRY.bar} height={h} />
      <line
        className="prob-bar-handle"
        x1={x - 2}
        x2={x + BAR_GEOMETRY.bar + 2}
        y1={BASE - h}
        y2={BASE - h}
      />
    </g>
  );
}

export function ProbBars() {
  const s = useStrings();
  const t = s.controls.pair.bars;
  const refProbs = useStore(useShallow((st) => st.refProbs));
  const start = useStore(useShallow((st) => startLogProbsOf(st).map(Math.exp)));
  const data = useStore(useShallow((st) => ({ dataset: st.dataset, rewards: st.rewards })));
  const api = useStoreApi();
  const svg = useRef<SVGSVGElement | null>(null);
  const K = refProbs.length;
  const setRef = (i: number, v: number) => {
    api.getState().update({ refProbs: setOneProb(api.getState().refProbs, i, round4(v), REF_MIN) });
  };
  const setStart = (i: number, v: number) => {
    const st = api.getState();
    api.getState().update({
      startLogRatios: setStartLogProb(st.refProbs, startLogProbsOf(st), i, round4(Math.log(v))),
    });
  };
  const { group, bar, left } = BAR_GEOMETRY;
  const width = left + K * group;
  const fmt = (p: number) => formatNumber(p);
  return (
    <div className="prob-bars">
      <p className="field-help">{t.help}</p>
      <p className="prob-bars-key" aria-hidden="true">
        <span className="prob-bars-swatch prob-bar-ref" /> {t.refKey}{' '}
        <span className="prob-bars-swatch prob-bar-start" /> {t.startKey}
      </p>
      <svg
        ref={svg}
        role="group"
        aria-label={t.label}
        viewBox={`0 0 ${width} ${VIEW_H}`}
        width={width}
        height={VIEW_H}
        className="prob-bars-chart"
      >
        {/* Probability 0, ½ and 1: a bar's height reads as a number. */}
        {[0, 0.5, 1].map((p) => {
          const y = BASE - p * BAR_GEOMETRY.height;
          return (
            <g key={p} aria-hidden="true">
              <line
                className={p === 0 ? 'prob-bars-axis' : 'prob-bars-grid'}
                x1={left}
                x2={width}
                y1={y}
                y2={y}
              />
              <text className="prob-bars-tick" x={left - 4} y={y + 4} textAnchor="end">
                {formatNumber(p)}
              </text>
            </g>
          );
        })}
        {refProbs.map((p, i) => {
          const label = s.figures.responseLabel(i, data);
          const role = `role-${responseRole(i, data)}`;
          const x0 = left + i * group + (group - 2 * bar - 4) / 2;
          return (
            <g key={i}>
              <Bar
                kind="ref"
                index={i}
                value={p}
                min={REF_MIN}
                max={1 - (K - 1) * REF_MIN}
                name={t.refBar(label)}
                valueText={t.valueText(fmt(p))}
                x={x0}
                className={role}
                onSet={(v) => setRef(i, v)}
                svg={svg}
              />
              <Bar
                kind="start"
                index={i}
                value={start[i]}
                min={START_PROB_MIN}
                max={1 - (K - 1) * START_PROB_MIN}
                name={t.startBar(label)}
                valueText={t.valueText(fmt(start[i]))}
                x={x0 + bar + 4}
                className={role}
                onSet={(v) => setStart(i, v)}
                svg={svg}
              />
              <text
                className="prob-bars-label"
                x={left + i * group + group / 2}
                y={VIEW_H - 6}
                textAnchor="middle"
              >
                {responseSymbol(i, data)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
