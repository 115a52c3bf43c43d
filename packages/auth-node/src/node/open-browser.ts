import type { ChildProcess } from 'node:child_process'
import { ConfigurationError } from '@amigo-ai/core'

// `open` is an optional peer dependency (the CLI provides it) and ESM-only: loaded on first use by a
// specifier that is not a literal, so the CommonJS build imports it lazily and no bundler resolves
// it (an app that does not install it would fail to build) or ships it in a chunk of its own.
const OPEN = 'open'

/** Options of `openBrowser`. */
export interface OpenBrowserOptions {
  /**
   * How long to watch the launcher for a quick failure (xdg-open exits non-zero at once when it
   * finds no browser). Default 1000 ms; a launcher still running then counts as opened.
   */
  settleMs?: number
}

/**
 * Opens `url` in the system browser without a shell (the URL is one argv entry, never parsed by
 * a shell). Throws `ConfigurationError` for anything but an http(s) URL; resolves false instead of
 * throwing when no browser can be launched (headless machines, SSH sessions, missing launcher).
 */
export async function openBrowser(url: string, options: OpenBrowserOptions = {}): Promise<boolean> {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    throw new ConfigurationError('openBrowser needs an absolute http(s) URL')
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new ConfigurationError(`openBrowser only opens http(s) URLs, not ${target.protocol}`)
  }
  if (isHeadlessLinux()) return false
  try {
    const { default: open } = (await import(
      /* webpackIgnore: true */ /* @vite-ignore */ OPEN
    )) as typeof import('open')
    const launcher = await open(target.href, linuxUsesPathXdgOpen() ? { app: { name: 'xdg-open' } } : {})
    return await settled(launcher, options.settleMs ?? 1000)
  } catch {
    return false
  }
}

// Linux without X11 or Wayland (servers, containers, plain SSH) has no browser to open.
function isHeadlessLinux(): boolean {
  if (process.platform !== 'linux' || isWsl()) return false
  return !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
}

function isWsl(): boolean {
  return Boolean(process.env.WSL_DISTRO_NAME || process.env.WSL_INTEROP)
}

// On Linux, use the system's xdg-open (found on PATH) rather than the copy bundled with `open`,
// so the desktop's own configuration decides which browser opens.
function linuxUsesPathXdgOpen(): boolean {
  return process.platform === 'linux' && !isWsl()
}

// Resolves false when the launcher fails quickly, true when it exits cleanly or keeps running.
function settled(child: ChildProcess, settleMs: number): Promise<boolean> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode === 0)
  return new Promise((resolve) => {
    // Not unref'd: the launcher is detached and unref'd, so this timer is what keeps a short
    // script alive until the answer is known (at most settleMs).
    const timer = setTimeout(() => done(true), settleMs)
    const done = (ok: boolean) => {
      clearTimeout(timer)
      child.off('exit', onExit)
      child.off('error', onError)
      resolve(ok)
    }
    const onExit = (code: number | null) => done(code === 0)
    const onError = () => done(false)
    child.on('exit', onExit)
    child.on('error', onError)
  })
}
