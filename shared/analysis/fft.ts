// Index reads below are in range by construction (loop bounds derive from the checked length),
// so the non-null assertions only silence noUncheckedIndexedAccess in the hot loops.

/** Smallest power of two that is at least `n` (1 for anything below 2), the FFT size needed to hold `n` samples. */
export function nextPowerOfTwo(n: number): number {
  let size = 1;
  // Multiplying rather than shifting keeps sizes past 2^30 correct.
  while (size < n) size *= 2;
  return size;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && Number.isInteger(n) && nextPowerOfTwo(n) === n;
}

/** Forward discrete Fourier transform in place (unscaled, e^{-2πikn/N}); length must be a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (im.length !== n) throw new RangeError(`fft: real and imaginary parts differ in length (${n} and ${im.length}).`);
  if (!isPowerOfTwo(n)) throw new RangeError(`fft: length ${n} is not a power of two; zero-pad to nextPowerOfTwo(${n}).`);
  if (n === 1) return;

  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const r = re[i]!;
      re[i] = re[j]!;
      re[j] = r;
      const m = im[i]!;
      im[i] = im[j]!;
      im[j] = m;
    }
  }

  // One table of N/2 twiddles serves every stage; computing each with Math.cos/sin rather than
  // by recurrence keeps round-off at machine precision for long transforms.
  const half = n >> 1;
  const cosTable = new Float64Array(half);
  const sinTable = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    const angle = (2 * Math.PI * k) / n;
    cosTable[k] = Math.cos(angle);
    sinTable[k] = Math.sin(angle);
  }

  for (let size = 2; size <= n; size *= 2) {
    const halfSize = size >> 1;
    const stride = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0, t = 0; k < halfSize; k++, t += stride) {
        const wr = cosTable[t]!;
        const wi = -sinTable[t]!;
        const a = start + k;
        const b = a + halfSize;
        const br = re[b]!;
        const bi = im[b]!;
        const tr = wr * br - wi * bi;
        const ti = wr * bi + wi * br;
        const ar = re[a]!;
        const ai = im[a]!;
        re[b] = ar - tr;
        im[b] = ai - ti;
        re[a] = ar + tr;
        im[a] = ai + ti;
      }
    }
  }
}

/** Inverse of {@link fft} in place, scaled by 1/N so that ifft(fft(x)) = x. */
export function ifft(re: Float64Array, im: Float64Array): void {
  // Swapping the parts conjugates (up to a factor i that the second swap undoes), so the
  // forward transform computes the inverse without a second kernel.
  fft(im, re);
  const scale = 1 / re.length;
  for (let i = 0; i < re.length; i++) {
    re[i]! *= scale;
    im[i]! *= scale;
  }
}
