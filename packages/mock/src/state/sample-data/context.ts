import type { Random } from '../random'
import type { Row } from '../rows'

/** What every sample-data builder draws on. */
export interface SampleContext {
  /** The store's PRNG. Builders draw from it in a fixed order, so one seed always gives the same data. */
  random: Random
  /** Start of the timeline (UTC midnight of the start day), ms: every date is laid out around it. */
  epoch: number
  /** The sample workspace the rows belong to. */
  workspaceId: string
  /** A record of `schema` with `fields` over sampled defaults, not validated (the mock's own data). */
  row<T extends Row>(schema: string, fields: T): T
}
