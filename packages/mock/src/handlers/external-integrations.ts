import { conflict, type HandlerContext, type MockCore, notFound, type Registry } from '../http/types'
import { crud, type FindRow } from './crud'

type Row = Record<string, any>

const BASE = '/v1/{workspace_id}/external-integrations'
const CREDS = `${BASE}/{integration_id}/credentials`

/** External integrations and their client credentials (secret shown once; rotate; revoke by DELETE). */
export function registerExternalIntegrations(reg: Registry, core: MockCore): void {
  const integrationOf = registerIntegrationRecords(reg, core)
  registerCredentialIssue(reg, core, integrationOf)
  registerCredentialLifecycle(reg, core, integrationOf)
}

/** Revoking keeps the record (inactive) and stops the parent tokens it issued at once. */
function revoke(core: MockCore, c: Row): void {
  const { store, auth } = core
  c.is_active = false
  c.revoked_at = c.revoked_at ?? store.now()
  c.updated_at = store.now()
  auth.issuer.revokeSubject(`cred:${c.id}`)
}

/** Create, list, read, update and delete integrations, revoking the credentials of a deleted one; returns the lookup of one. */
function registerIntegrationRecords(reg: Registry, core: MockCore): FindRow {
  const { store } = core
  return crud(reg, core, {
    base: BASE,
    idParam: 'integration_id',
    table: store.externalIntegrations,
    schema: 'ExternalIntegrationResponse',
    label: 'External integration',
    // `search` matches the name or display name, case-insensitively.
    filter: (row, query) => {
      const q = typeof query.search === 'string' ? query.search.trim().toLowerCase() : ''
      return (
        !q || [row.name, row.display_name].some((v) => typeof v === 'string' && v.toLowerCase().includes(q))
      )
    },
    create: (ctx) => {
      if (
        store.externalIntegrations.list(
          (i) => i.workspace_id === ctx.path.workspace_id && i.name === ctx.body.name,
        ).length
      )
        throw conflict('An external integration with this name already exists')
      return {
        is_active: true,
        display_name: ctx.body.display_name ?? null,
        description: ctx.body.description ?? null,
        created_by_entity_id: null,
        created_by_credential_id: null,
      }
    },
    after: (action, row) => {
      if (action !== 'deleted') return
      for (const c of store.credentials.list((c) => c.integration_id === row.id)) revoke(core, c)
    },
  })
}

/** List an integration's credentials and create one (its secret is in the answer, once). */
function registerCredentialIssue(reg: Registry, core: MockCore, integrationOf: FindRow): void {
  const { store, auth } = core
  // A plain array, not a page; revoked credentials stay listed (inactive) until their integration goes.
  reg.on('GET', CREDS, (ctx) => {
    const i = integrationOf(ctx)
    return { body: store.credentials.list((c) => c.integration_id === i.id) }
  })
  reg.on('POST', CREDS, (ctx) => {
    const i = integrationOf(ctx)
    // A credential may only name services of its integration's workspace.
    const unknown = (ctx.body.service_ids as string[]).filter(
      (id) => store.services.get(id)?.workspace_id !== i.workspace_id,
    )
    if (unknown.length) throw notFound(`Service ${unknown[0]}`)
    const credential = store.make('ExternalIntegrationCredentialResponse', {
      id: store.id(),
      workspace_id: i.workspace_id,
      integration_id: i.id,
      name: ctx.body.name,
      client_id: `amg_ci_${store.random.hex(20)}`,
      service_ids: ctx.body.service_ids,
      is_active: true,
      created_at: store.now(),
      updated_at: store.now(),
      expires_at: null,
      revoked_at: null,
      rotated_at: null,
    })
    store.credentials.put(credential)
    return { status: 201, body: { client_secret: auth.newClientSecret(credential.client_id), credential } }
  })
}

/** Rotate a credential's secret and revoke the credential (DELETE). */
function registerCredentialLifecycle(reg: Registry, core: MockCore, integrationOf: FindRow): void {
  const { store, auth } = core
  const credentialOf = (ctx: HandlerContext) => {
    const i = integrationOf(ctx)
    const c = store.credentials.get(ctx.path.credential_id)
    if (!c || c.integration_id !== i.id) throw notFound('Credential')
    return c
  }
  reg.on('POST', `${CREDS}/{credential_id}/rotate`, (ctx) => {
    const c = credentialOf(ctx)
    if (!c.is_active) throw conflict('Credential is revoked')
    c.rotated_at = store.now()
    c.updated_at = c.rotated_at
    // The old secret stops working at once; tokens already issued stay valid until they expire.
    return { body: { client_secret: auth.newClientSecret(c.client_id), credential: c } }
  })
  reg.on('DELETE', `${CREDS}/{credential_id}`, (ctx) => {
    revoke(core, credentialOf(ctx))
    return { status: 204 }
  })
}
