// Whether an element is (partly) inside the viewport, from an IntersectionObserver; true where there is
// none (tests, very old browsers), so that nothing waits for a visibility that is never reported.
import { useEffect, useState } from 'react';

export function useOnScreen(el: Element | null): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    // No look-ahead margin: a plot just below the fold is not worth redrawing on every drag step.
    const io = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, [el]);
  return visible;
}
