// Central finite differences in float64 for gradient checks (the same scheme as math.gradients.test.ts).

/** Central difference over the step actually representable: (f(x+δ) − f(x−δ)) / ((x+δ) − (x−δ)). */
function central(f: (x: number) => number, x: number, step: number): number {
  const up = x + step;
  const down = x - step;
  return (f(up) - f(down)) / (up - down);
}

/**
 * (4·D(δ/2) − D(δ)) / 3 with δ = relStep·max(1, |x|): Richardson extrapolation cancels the δ² term of the
 * central difference, so stiff functions stay within tolerance. The caller keeps x ± δ inside the domain.
 */
export function centralDifference(f: (x: number) => number, x: number, relStep = 1e-6): number {
  const step = relStep * Math.max(1, Math.abs(x));
  return (4 * central(f, x, step / 2) - central(f, x, step)) / 3;
}
