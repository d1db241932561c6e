// Eigen-decomposition of a small symmetric matrix (the toy's Hessian in θ, d ≤ ~10) by cyclic Jacobi
// rotations: unconditionally stable, accurate to rounding for every eigenvalue, and allocation-free.

/**
 * Diagonalises the symmetric d×d matrix `a` (row-major; destroyed) so that a = Q·diag(values)·Qᵀ: the
 * eigenvalues go to `values` and the eigenvectors to the columns of `vectors` (row-major d×d).
 */
export function symmetricEigen(
  a: Float64Array,
  d: number,
  values: Float64Array,
  vectors: Float64Array,
): void {
  vectors.fill(0);
  for (let i = 0; i < d; i++) vectors[i * d + i] = 1;
  for (let sweep = 0; sweep < 64; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < d; i++) {
      diag += a[i * d + i] * a[i * d + i];
      for (let j = i + 1; j < d; j++) off += a[i * d + j] * a[i * d + j];
    }
    // Converged to rounding: what is left off the diagonal cannot move an eigenvalue by an ulp.
    if (!(off > 1e-32 * diag) || off === 0) break;
    for (let p = 0; p < d; p++)
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (apq === 0) continue;
        const app = a[p * d + p];
        const aqq = a[q * d + q];
        // The rotation that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.4.1), the smaller angle.
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k * d + p];
          const akq = a[k * d + q];
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p * d + k];
          const aqk = a[q * d + k];
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = vectors[k * d + p];
          const vkq = vectors[k * d + q];
          vectors[k * d + p] = c * vkp - s * vkq;
          vectors[k * d + q] = s * vkp + c * vkq;
        }
      }
  }
  for (let i = 0; i < d; i++) values[i] = a[i * d + i];
}
