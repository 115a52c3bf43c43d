import pc from 'picocolors'

/** The colour functions for one stream: real ones on a terminal, identity functions otherwise. */
export type Colors = ReturnType<typeof pc.createColors>

/**
 * Colour only a terminal, and never when NO_COLOR is set (https://no-color.org) or `--no-color` was
 * given; FORCE_COLOR turns it on anywhere (for pagers that understand escapes).
 */
export function wantsColor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
  noColorFlag = false,
): boolean {
  if (noColorFlag || 'NO_COLOR' in env) return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true && env.TERM !== 'dumb'
}

/** Colour functions for `stream`. */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, noColorFlag = false): Colors {
  return pc.createColors(wantsColor(stream, env, noColorFlag))
}
