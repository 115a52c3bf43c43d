/**
 * What kind of value `v` is, for an error message that must not quote it (the value may be a key
 * pasted into the wrong option): `null`, `undefined`, `an array`, `an object`, `a string`, ...
 */
export const kindOf = (v: unknown): string =>
  v == null ? `${v}` : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`
