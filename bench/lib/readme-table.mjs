// README.md ends with a copy of the latest full run (results/latest.md), below this marker, so the
// figures a reader meets first are the committed run's.
export const TABLE_MARKER = '<!-- latest-table -->'

/** `readme` with everything after TABLE_MARKER replaced by `latest` (its `# ` title left out); unchanged without the marker. */
export function withLatestTable(readme, latest) {
  const at = readme.indexOf(TABLE_MARKER)
  if (at < 0) return readme
  return `${readme.slice(0, at + TABLE_MARKER.length)}\n\n${latest.replace(/^# .*\n\n/, '')}`
}
