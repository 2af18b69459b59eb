/**
 * @module search/dense-vector
 * The little vector arithmetic dense retrieval needs: L2 normalisation and dot products.
 */

/**
 * A unit-length Float32 copy of `values`, or `undefined` when the vector cannot be normalised
 * (empty, zero, or holding a non-finite number). The norm is summed in double precision so that
 * 1024-dimensional bge-m3 vectors come out of unit length to within Float32 rounding.
 */
export function l2Normalise(values: ArrayLike<number>): Float32Array | undefined {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
    sum += x * x;
  }
  if (!(sum > 0) || !Number.isFinite(sum)) return undefined;
  const norm = Math.sqrt(sum);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! / norm;
  return out;
}

/** Σ a_i·b_i; the cosine similarity when both are unit vectors. Lengths must match. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Whether `v` is of unit length to within Float32 rounding, so it need not be normalised again. */
export function isUnit(v: Float32Array, tolerance = 1e-4): boolean {
  return Math.abs(dot(v, v) - 1) <= tolerance;
}
