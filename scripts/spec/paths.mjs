// Where the spec files live, relative to the repository root (see spec/upstream/README.md).

/** The upstream API snapshot (prose removed) that `openapi.json` is built from. */
export const UPSTREAM_SNAPSHOT = 'spec/upstream/openapi-facts.json'

/** Our contract: the snapshot plus the README overlay. */
export const SPEC = 'openapi.json'
