// How the benchmarks summarize and print numbers.

/** The median of the defined values, or `undefined` when there are none. */
export function median(values) {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of an ascending array: with 15 samples, p90 is the 14th fastest. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length, Math.ceil(p * sorted.length)) - 1];
}

/** Milliseconds to one decimal, or "—" for no value. */
export function ms(value) {
  return value === undefined || Number.isNaN(value) ? '—' : Number(value.toFixed(1));
}

/** `value` to `digits` decimals, as a number. */
export function round(value, digits) {
  return Number(value.toFixed(digits));
}

/** Bytes as "12.3 KB". */
export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
