import type { MockCore, Registry } from '../http/types'
import { successResponse } from '../spec/operations'

/** Initial values of the settings the README shows. */
const DEFAULTS: Record<string, Record<string, unknown>> = {
  voice: {
    voice_id: 'voice-alex',
    tts_provider: 'cartesia',
    stt_provider: 'deepgram',
    speed: 1,
    volume: 1,
    tone: 'warm',
    language: 'en',
    keyterms: [],
    sensitive_topics: [],
    correction_categories: [],
    post_call_analysis_enabled: true,
    transcript_correction_enabled: false,
    pronunciation_dict_id: null,
    tts_config: null,
  },
  retention: {
    call_recordings_days: 30,
    call_transcripts_days: 365,
    audit_log_days: 2190,
    phi_data_days: 2190,
    world_events_days: 730,
    legal_hold: false,
    legal_hold_reason: null,
  },
}

/** Every `/settings/<name>` document with GET + PUT: stored per workspace, updates merge. */
export function registerSettings(reg: Registry, core: MockCore): void {
  const { spec, store } = core
  for (const op of spec.operations) {
    const m = /^\/v1\/\{workspace_id\}\/settings\/([a-z-]+)$/.exec(op.path)
    if (!m || op.method !== 'get') continue
    const name = m[1]!
    const ref = successResponse(op.op).schema?.$ref as string | undefined
    if (!ref || !spec.operation('put', op.path)) continue
    const schema = ref.split('/').pop()!
    const key = (ws: string) => `${ws}:${name}`
    const current = (ws: string) => {
      let doc = store.settings.get(key(ws))
      if (!doc) {
        doc = store.make(schema, DEFAULTS[name] ?? {})
        store.settings.set(key(ws), doc)
      }
      return doc
    }
    reg.on('GET', op.path, (ctx) => ({ body: current(ctx.path.workspace_id) }))
    reg.on('PUT', op.path, (ctx) => {
      const prev = current(ctx.path.workspace_id)
      const changes = Object.fromEntries(
        Object.entries(ctx.body ?? {}).filter(([, v]) => v !== null && v !== undefined),
      )
      const next = store.make(schema, changes, prev)
      store.settings.set(key(ctx.path.workspace_id), next)
      return { body: next }
    })
  }
}
