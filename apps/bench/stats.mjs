// The statistics of the bench scripts: one median, and how far a ratio of two medians can be trusted.

/** The middle value, or the mean of the two middle values. */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// A small seeded generator (mulberry32): the same figures give the same interval, run after run.
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 90 % interval for median(a) / median(b) by resampling (the percentile bootstrap): `draws` times, each side's
 * values are drawn again with replacement and the ratio of the two medians taken; the 5th and 95th percentiles of
 * those ratios are the interval. The values are one figure per process (the unit of noise here: one process settles
 * into faster or slower code than its siblings), so with five processes a side the interval is coarse but says
 * what one run can tell: a ratio whose interval straddles a target has not shown it is met or missed.
 */
export function ratioInterval(a, b, { draws = 4000, seed = 1 } = {}) {
  if (a.length === 0 || b.length === 0) return undefined;
  const random = seeded(seed);
  const resample = (values) => median(Array.from(values, () => values[Math.floor(random() * values.length)]));
  const ratios = Array.from({ length: draws }, () => resample(a) / resample(b)).sort((x, y) => x - y);
  const at = (q) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))];
  return [at(0.05), at(0.95)];
}
