/**
 * The build for browsers and workers (export conditions `browser`, `worker`, `workerd`, `edge-light`;
 * see tsup.config.ts): a bundled app cannot load a package by a name its bundler never saw, and
 * workerd refuses any script holding a dynamic import of a computed name, so this build holds none
 * and always asks for the `realtime` option instead.
 */
export function importByName(name: string): Promise<unknown> {
  return Promise.reject(new Error(`a bundled app cannot load ${name} by name`))
}

/** Bundled apps never load a package by name, synchronously or not. */
export function requireByName(_name: string): unknown {
  return undefined
}
