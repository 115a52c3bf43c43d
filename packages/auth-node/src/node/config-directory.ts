import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'

/**
 * The per-user directory for Amigo credentials: `$AMIGO_CONFIG_DIR` when set, else
 * `%APPDATA%\amigo` on Windows, `~/Library/Application Support/amigo` on macOS, and
 * `$XDG_CONFIG_HOME/amigo` (default `~/.config/amigo`) elsewhere.
 */
export function defaultConfigDirectory(
  env: Record<string, string | undefined> = process.env,
  platform: string = process.platform,
  home: string = homedir(),
): string {
  if (env.AMIGO_CONFIG_DIR) return env.AMIGO_CONFIG_DIR
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'amigo')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'amigo')
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config')
  return join(xdg, 'amigo')
}

/**
 * Where the official single-package SDK keeps credentials by default (`~/.amigo/credentials.json`).
 * Its format is the one this package writes, so a login made with it is read from there until a
 * new one is saved; `$AMIGO_CONFIG_DIR` (an explicit choice of location) turns this off.
 */
export function officialCredentialsFile(
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string | undefined {
  return env.AMIGO_CONFIG_DIR ? undefined : join(home, '.amigo', 'credentials.json')
}
