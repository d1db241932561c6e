// The time cursor: the training step every view shows (AppState `t`, `t=` in a link). Play / pause, a step
// back and forward, and a slider (arrows one step, Page Up/Down a tenth, Home/End; space plays and pauses).
// Play runs the whole training in PLAY_MS whatever the number of steps; with prefers-reduced-motion it jumps
// in a few coarse steps instead of animating. Moving the cursor only indexes into the trained runs.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore, useStoreApi, useViewStore } from '../storeContext.tsx';
import { useStrings } from '../strings.tsx';
import { RangeSlider } from './RangeSlider.tsx';
import { FRAME_MS, playFrom, playStepAt } from './playback.ts';
import { notePlaying, stopPlaying, usePlaying } from '../adjusting.ts';
import './controls.css';

/** Whether the reader asked for reduced motion (read when Play is pressed, so a change applies next time). */
function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** The reduced-motion preference, kept current for the help text. */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(prefersReducedMotion);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const onChange = () => setReduced(query.matches);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, []);
  return reduced;
}

export function TimeCursor({ className = '' }: { className?: string }) {
  const s = useStrings().timeCursor;
  const api = useStoreApi();
  const t = useStore((st) => st.t);
  const shownStep = useViewStore((st) => st.t);
  const shownSteps = useViewStore((st) => st.steps);
  const steps = useStore((st) => st.steps);
  const reduced = useReducedMotion();
  const labelId = useId();
  const helpId = useId();
  const reducedId = useId();
  const describedBy = reduced ? `${helpId} ${reducedId}` : helpId;
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = useCallback(function stopOwn() {
    if (timer.current !== null) {
      clearInterval(timer.current);
      notePlaying(false, stopOwn);
    }
    timer.current = null;
    setPlaying(false);
  }, []);

  const setStep = useCallback((step: number) => api.getState().update({ t: step }), [api]);

  const play = useCallback(() => {
    const st = api.getState();
    const from = playFrom(st.t, st.steps);
    const total = st.steps;
    const loads = st.loads;
    const reducedNow = prefersReducedMotion();
    const started = Date.now();
    if (from !== st.t) setStep(from);
    setPlaying(true);
    notePlaying(true, stop);
    timer.current = setInterval(() => {
      const next = playStepAt(from, total, Date.now() - started, reducedNow);
      // The run changed meanwhile (its steps, or a link, a scenario or Reset replaced the state): stop there.
      const now = api.getState();
      if (now.steps !== total || now.loads !== loads) {
        stop();
        return;
      }
      if (next !== now.t) setStep(next);
      if (next >= total) stop();
    }, FRAME_MS);
  }, [api, setStep, stop]);

  // Another playback (a lesson question revealing its answer) shows here as playing too: Pause stops it.
  const othersPlaying = usePlaying();
  const shownPlaying = playing || othersPlaying;
  const toggle = useCallback(
    () => (playing ? stop() : othersPlaying ? stopPlaying() : play()),
    [playing, othersPlaying, play, stop],
  );

  // No timer outlives the control.
  useEffect(() => stop, [stop]);

  const move = (step: number) => {
    stop();
    setStep(Math.max(0, Math.min(steps, step)));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Space on the slider plays and pauses (on a button it presses the button, as always).
    if (e.key === ' ' && e.target instanceof HTMLInputElement && e.target.type === 'range') {
      e.preventDefault();
      toggle();
    }
  };

  return (
    <div
      className={`time-cursor ${className}`.trim()}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
    >
      <span id={labelId} className="time-cursor-label">
        {s.label}
      </span>
      <button type="button" className="time-cursor-play" aria-pressed={shownPlaying} onClick={toggle}>
        {shownPlaying ? `⏸ ${s.pause}` : `▶ ${s.play}`}
      </button>
      <button type="button" aria-label={s.stepBack} disabled={t <= 0} onClick={() => move(t - 1)}>
        ◂
      </button>
      <RangeSlider
        labelledBy={labelId}
        describedBy={describedBy}
        value={t}
        spec={{ min: 0, max: steps, step: 1, pageStep: Math.max(1, Math.round(steps / 10)) }}
        valueText={s.valueText(t, steps)}
        onChange={(v) => move(Math.round(v))}
      />
      <button type="button" aria-label={s.stepForward} disabled={t >= steps} onClick={() => move(t + 1)}>
        ▸
      </button>
      {/* The step the views show (the paced mirror): during Play it names the step on screen, not the
          slider's, which the views follow a frame or more later. */}
      <output className="time-cursor-value" aria-live="off">
        {s.stepOfSteps(shownStep, shownSteps)}
      </output>
      {/* The keys behind a disclosure, so the bar stays one row while it sticks above the views. */}
      <details className="time-cursor-help">
        <summary>{s.helpSummary}</summary>
        <p id={helpId}>{s.help}</p>
      </details>
      {reduced && (
        <p id={reducedId} className="time-cursor-help">
          {s.reducedMotionHelp}
        </p>
      )}
    </div>
  );
}
