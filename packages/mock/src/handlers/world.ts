import { inWorkspace } from '../http/in-workspace'
import { paginate } from '../http/paging'
import type { MockCore, Registry } from '../http/types'

type Row = Record<string, any>

const textOf = (e: Row) =>
  [e.display_name, e.name, e.email, e.phone, e.mrn, e.canonical_id].filter(Boolean).join(' ').toLowerCase()

/** Scores an entity against a free-text query: every word must appear; exact name matches rank first. */
function score(e: Row, q: string): number {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean)
  const text = textOf(e)
  if (!words.every((w) => text.includes(w))) return 0
  return String(e.display_name ?? '').toLowerCase() === q.toLowerCase() ? 1 : 0.75
}

/** Does the entity belong to workspace `ws`? */
const inWs = (e: Row, ws: string) => e.workspace_id === ws

/** World model: entities, timelines, search and connector sync status. */
export function registerWorld(reg: Registry, core: MockCore): void {
  registerEntities(reg, core)
  registerWorldSearch(reg, core)
  registerSyncStatus(reg, core)
}

/** The filtered list of entities, one entity, and its timeline. */
function registerEntities(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('GET', '/v1/{workspace_id}/world/entities', (ctx) => {
    const q = ctx.query
    const rows = store.entities.list(
      (e) =>
        inWs(e, ctx.path.workspace_id) &&
        (!q.entity_type?.length || q.entity_type.includes(e.entity_type)) &&
        (!q.q || score(e, q.q) > 0) &&
        (!q.source || e.source === q.source) &&
        (!q.tags?.length || q.tags.every((t: string) => e.tags?.includes(t))) &&
        (q.has_projection === undefined ||
          q.has_projection === null ||
          !!e.has_projection === q.has_projection),
    )
    return { body: paginate(ctx, rows) }
  })
  reg.on('GET', '/v1/{workspace_id}/world/entities/{entity_id}', (ctx) => {
    return { body: inWorkspace(store.entities, ctx.path.entity_id, ctx.path.workspace_id, 'Entity') }
  })
  reg.on('GET', '/v1/{workspace_id}/world/entities/{entity_id}/timeline', (ctx) => {
    const e = inWorkspace(store.entities, ctx.path.entity_id, ctx.path.workspace_id, 'Entity')
    const events = (store.entityEvents.get(e.id) ?? []).filter(
      (ev) => !ctx.query.domain || ev.domain === ctx.query.domain,
    )
    return { body: { entity_id: e.id, ...(paginate(ctx, events) as Row) } }
  })
}

/** Free-text search over the workspace's entities, best score first. */
function registerWorldSearch(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('GET', '/v1/{workspace_id}/world/search', (ctx) => {
    const q = String(ctx.query.q)
    const min = Number(ctx.query.confidence_min ?? 0)
    const hits = store.entities
      .list(
        (e) =>
          inWs(e, ctx.path.workspace_id) &&
          (!ctx.query.entity_type || e.entity_type === ctx.query.entity_type) &&
          (!ctx.query.source || e.source === ctx.query.source),
      )
      .map((e) => ({ entity: e, score: score(e, q) }))
      .filter((h) => h.score > 0 && h.score >= min)
      .sort((a, b) => b.score - a.score)
    const offset = Number(ctx.query.offset ?? 0)
    const limit = Number(ctx.query.limit ?? 20)
    const page = hits.slice(offset, offset + limit)
    return {
      body: {
        query: q,
        results: page.map((h) => ({
          id: h.entity.id,
          entity_type: h.entity.entity_type,
          display_name: h.entity.display_name,
          score: h.score,
          entity: h.entity,
        })),
        total: hits.length,
        has_more: offset + page.length < hits.length,
      },
    }
  })
}

/** Sync counts per data source; a degraded source has two failed events. */
function registerSyncStatus(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('GET', '/v1/{workspace_id}/world/sync/by-sink', (ctx) => ({
    body: {
      sinks: store.dataSources
        .list((d) => d.workspace_id === ctx.path.workspace_id)
        .map((d) => ({
          data_source_id: d.id,
          name: d.name,
          source_type: d.source_type,
          pending: 0,
          synced: d.last_sync_event_count,
          failed: d.health_status === 'degraded' ? 2 : 0,
          total: d.last_sync_event_count + (d.health_status === 'degraded' ? 2 : 0),
        })),
    },
  }))
}
