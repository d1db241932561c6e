// Whether a slider is being adjusted (src/components/adjusting.ts): a press on a range input until the
// release, or an arrow key held on one; only the end of an adjustment re-renders the views (release count).
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { isAdjusting, useReleaseCount } from '../../src/components/adjusting.ts';

afterEach(cleanup);

let renders = 0;
function Probe() {
  renders++;
  return <output>{useReleaseCount()}</output>;
}

function setup() {
  render(
    <>
      <input type="range" aria-label="β" />
      <input type="number" aria-label="box" />
      <Probe />
    </>,
  );
  return {
    slider: screen.getByRole('slider'),
    box: screen.getByRole('spinbutton'),
    out: screen.getByRole('status'),
  };
}

describe('adjusting', () => {
  it('is on from a press on a slider until the release, and counts the release', () => {
    const { slider, out } = setup();
    const before = Number(out.textContent);
    expect(isAdjusting()).toBe(false);
    const rendered = renders;
    act(() => void fireEvent.pointerDown(slider));
    expect(isAdjusting()).toBe(true);
    // Starting an adjustment re-renders nothing.
    expect(renders).toBe(rendered);
    act(() => void fireEvent.pointerUp(window));
    expect(isAdjusting()).toBe(false);
    expect(Number(out.textContent)).toBe(before + 1);
  });

  it('ignores presses elsewhere, and a single key press; a held arrow key counts until it is let go', () => {
    const { slider, box, out } = setup();
    const before = Number(out.textContent);
    act(() => void fireEvent.pointerDown(box));
    expect(isAdjusting()).toBe(false);
    act(() => void fireEvent.keyDown(slider, { key: 'ArrowRight' }));
    expect(isAdjusting()).toBe(false);
    act(() => void fireEvent.keyDown(slider, { key: 'ArrowRight', repeat: true }));
    expect(isAdjusting()).toBe(true);
    act(() => void fireEvent.keyUp(slider, { key: 'ArrowRight' }));
    expect(isAdjusting()).toBe(false);
    expect(Number(out.textContent)).toBe(before + 1);
  });
});
