// Small statistics helpers shared by every suite.

/** The q-quantile (0..1) of `values` by nearest rank; NaN for an empty list. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]
}

/** The median of `values`. */
export const median = (values) => quantile(values, 0.5)

/** min / median / max of a list of per-repeat figures. */
export const spread = (values) => ({
  min: Math.min(...values),
  median: median(values),
  max: Math.max(...values),
  n: values.length,
})

/** The list rotated by `k` places, so each repeat starts with a different contestant. */
export const rotate = (list, k) => list.map((_, i) => list[(i + k) % list.length])
