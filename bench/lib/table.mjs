// Renders result rows as one Markdown table, padded so it also reads well in a terminal.
import { spread } from './stats.mjs'

const fmt = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : 'n/a')

function verdict(target, med) {
  if (!target) return ''
  if (!Number.isFinite(med)) return 'n/a'
  const ok = target.max !== undefined ? med <= target.max : med >= target.min
  const goal = target.max !== undefined ? `≤ ${target.max.toFixed(2)}` : `≥ ${target.min.toFixed(2)}`
  return `${goal} ${ok ? 'met' : 'MISSED'}`
}

/** The rows as a padded Markdown table (figures are ratios: ours ÷ baseline). */
export function renderTable(rows) {
  const head = ['Section', 'Figure', 'Baseline', 'Work', 'min', 'median', 'max', 'n', 'Target', 'Note']
  const body = rows.map((r) => {
    const s = spread(r.values)
    return [
      r.section,
      r.figure,
      r.baseline,
      r.work,
      fmt(s.min),
      fmt(s.median),
      fmt(s.max),
      String(s.n),
      verdict(r.target, s.median),
      r.note ?? '',
    ]
  })
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')
}

/** Rows whose target was missed at the median. */
export const missed = (rows) =>
  rows.filter((r) => verdict(r.target, spread(r.values).median).endsWith('MISSED'))
