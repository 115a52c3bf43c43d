import { randomBytes } from 'node:crypto'
import { inWorkspace } from '../http/in-workspace'
import { type HandlerContext, HttpError, type MockCore } from '../http/types'
import { HOUR } from '../state/time'

type Row = Record<string, any>

/** A surface as the API shows it (no workspace id, no token). */
export function stripSurface(s: Row): Row {
  const { workspace_id: _w, token: _t, ...rest } = s
  return rest
}

/**
 * The surfaces (patient forms) of a running mock beyond their stored rows: each one's creation spec,
 * the values a patient saved so far and its link token, plus the answers the surface routes share.
 */
export class SurfaceBook {
  readonly #specs = new Map<string, Row>()
  readonly #saved = new Map<string, Row>()
  readonly #core: MockCore

  constructor(core: MockCore) {
    this.#core = core
  }

  /** The surface a workspace route names, or 404. */
  find(ctx: HandlerContext): Row {
    return inWorkspace(this.#core.store.surfaces, ctx.path.surface_id, ctx.path.workspace_id, 'Surface')
  }

  /** The surface a public link names (its token is the credential): 401 unknown, 410 expired. */
  byToken(ctx: HandlerContext): Row {
    const { store } = this.#core
    const id = store.surfaceTokens.get(String(ctx.path.token))
    const s = id ? store.surfaces.get(id) : undefined
    if (!s) throw new HttpError(401, { detail: 'Invalid or unknown surface link' })
    if (s.status === 'archived' || s.status === 'expired' || Date.parse(s.expires_at) < Date.now())
      throw new HttpError(410, { detail: 'This link has expired' })
    return s
  }

  /** The spec a surface was created from (updates to it are written into this object). */
  specOf(s: Row): Row {
    return this.#specs.get(s.id) ?? {}
  }

  /** The values a patient saved so far. */
  savedValues(s: Row): Row {
    return this.#saved.get(s.id) ?? {}
  }

  /** Replaces the values saved for a surface. */
  save(s: Row, values: Row): void {
    this.#saved.set(s.id, values)
  }

  /** Publishes a surface event. */
  emit(type: string, s: Row, extra: Row = {}): void {
    this.#core.emit(type, { surface_id: s.id, entity_id: s.entity_id, ...extra }, s.workspace_id)
  }

  /** The link a patient opens. */
  url(s: Row): string {
    return `${this.#core.url()}/s/${s.token}`
  }

  /** Stores a new surface from `spec` (a reshape names the surface it replaces) and announces it. */
  create(ws: string, spec: Row, originalId?: string): Row {
    const { store } = this.#core
    const now = new Date()
    const token = randomBytes(16).toString('base64url')
    const row: Row = {
      id: store.id(),
      event_id: store.id(),
      workspace_id: ws,
      entity_id: spec.entity_id,
      title: spec.title,
      description: spec.description ?? null,
      channel: spec.channel ?? 'web',
      status: 'created',
      fields: spec.fields,
      fields_count: spec.fields.length,
      context: spec.context ?? {},
      resource_type: spec.resource_type ?? null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + (spec.expires_in_hours ?? 72) * HOUR).toISOString(),
      delivered_at: null,
      opened_at: null,
      submitted_at: null,
      submitted_data: null,
      delivery_metadata: null,
      token,
    }
    store.surfaces.put(row)
    store.surfaceTokens.set(token, row.id)
    this.#specs.set(row.id, spec)
    this.#saved.set(row.id, {})
    if (originalId) this.emit('surface.reshaped', row, { original_surface_id: originalId })
    else
      this.emit('surface.created', row, {
        channel: row.channel,
        fields_count: row.fields_count,
        review_required: false,
        source: 'api',
      })
    return row
  }

  /** The answer to a create or a reshape. */
  created(row: Row): Row {
    const { id, event_id, entity_id, title, description, channel, status, fields_count } = row
    return {
      id,
      event_id,
      entity_id,
      title,
      description,
      channel,
      status,
      fields_count,
      created_at: row.created_at,
      expires_at: row.expires_at,
      token: row.token,
      url: this.url(row),
    }
  }

  /** Marks a surface opened on its first view. */
  open(s: Row): void {
    if (s.opened_at) return
    s.opened_at = this.#core.store.now()
    if (s.status === 'created' || s.status === 'delivered') s.status = 'opened'
    this.emit('surface.opened', s)
  }

  /** What the public link serves: the form to render and the values saved so far. */
  specBody(s: Row): Row {
    const spec = this.specOf(s)
    return {
      surface_id: s.id,
      entity_id: s.entity_id,
      status: s.status,
      saved_values: this.savedValues(s),
      spec: {
        title: s.title,
        description: s.description,
        fields: s.fields,
        sections: spec.sections ?? null,
        branding: spec.branding ?? null,
        context: s.context,
        submit_button_text: spec.submit_button_text ?? 'Submit',
        completion_title: spec.completion_title ?? 'Thank you',
        completion_message: spec.completion_message ?? 'Your answers were received.',
        completion_action_url: spec.completion_action_url ?? null,
      },
    }
  }

  /** Which fields are filled, empty, and required but empty. */
  progress(s: Row): Row {
    const values = this.savedValues(s)
    const keys: string[] = (s.fields ?? []).map((f: Row) => f.key)
    const filled = keys.filter((k) => values[k] !== undefined && values[k] !== '')
    const empty = keys.filter((k) => !filled.includes(k))
    const requiredEmpty = (s.fields ?? [])
      .filter((f: Row) => f.required && empty.includes(f.key))
      .map((f: Row) => f.key)
    return {
      surface_id: s.id,
      total_fields: keys.length,
      filled_count: filled.length,
      filled_keys: filled,
      empty_count: empty.length,
      empty_keys: empty,
      required_empty_keys: requiredEmpty,
    }
  }
}
