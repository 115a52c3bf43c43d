// Our additions to the facts snapshot. The facts file describes the live API as of its snapshot;
// the product README is newer and uses endpoints and fields the snapshot lacks. Every change made
// here is listed, with its reason, in docs/spec-changes.md.

const ref = (name) => ({ $ref: `#/components/schemas/${name}` })
const nullable = (schema) => ({ anyOf: [schema, { type: 'null' }] })
const json = (schema) => ({ 'application/json': { schema } })
const form = (schema) => ({ 'application/x-www-form-urlencoded': { schema } })
const ok = (schema) => ({ content: json(schema), description: '' })
const noBody = { description: '' }
const validationError = ok(ref('HTTPValidationError'))
const workspaceParam = {
  in: 'path',
  name: 'workspace_id',
  required: true,
  schema: { format: 'uuid', type: 'string' },
}
const pathParam = (name, schema = { type: 'string' }) => ({ in: 'path', name, required: true, schema })
const pageParams = [
  {
    in: 'query',
    name: 'limit',
    required: false,
    schema: { default: 10, exclusiveMinimum: 0, maximum: 20, type: 'integer' },
  },
  { in: 'query', name: 'continuation_token', required: false, schema: { default: 0, type: 'integer' } },
]
const tokenPage = (item) => ({
  properties: {
    continuation_token: nullable({ type: 'integer' }),
    has_more: { type: 'boolean' },
    items: { items: ref(item), type: 'array' },
    total: nullable({ type: 'integer' }),
  },
  required: ['items', 'has_more'],
  type: 'object',
})
const authErrors = { 401: noBody, 403: noBody, 404: noBody, 422: validationError }

/** Our `info.title`. */
export const SPEC_TITLE = 'Amigo Platform API'

/** Our `info.description`. */
export const SPEC_DESCRIPTION =
  'Contract used by the @amigo-ai TypeScript SDK: the platform API facts plus the endpoints and ' +
  'fields its README relies on (see docs/spec-changes.md).'

/** The list-agents operationId the README uses; carried as an alias of the snapshot's id. */
export const OPERATION_ID_ALIASES = {
  'list-agents': ['list_agents_v1__workspace_id__agents_get'],
}

/** Grant type for minting an external-user session (the official SDK's newer source sends this name). */
const EXTERNAL_USER_SESSION_GRANT = 'external_user_session'

// ── schemas ──────────────────────────────────────────────────────────────────────────────────────
const schemas = {
  ApiKeyTokenRequest: {
    properties: {
      api_key: { minLength: 1, type: 'string' },
      grant_type: { const: 'api_key', type: 'string' },
      scope: { type: 'string' },
    },
    required: ['grant_type', 'api_key'],
    type: 'object',
  },
  ClientCredentialsTokenRequest: {
    properties: {
      client_id: { minLength: 1, type: 'string' },
      client_secret: { minLength: 1, type: 'string' },
      grant_type: { const: 'client_credentials', type: 'string' },
      scope: { type: 'string' },
    },
    required: ['grant_type', 'client_id', 'client_secret'],
    type: 'object',
  },
  RefreshTokenRequest: {
    properties: {
      grant_type: { const: 'refresh_token', type: 'string' },
      refresh_token: { minLength: 1, type: 'string' },
      scope: { type: 'string' },
      workspace_id: { type: 'string' },
    },
    required: ['grant_type', 'refresh_token'],
    type: 'object',
  },
  DeviceCodeTokenRequest: {
    properties: {
      device_code: { minLength: 1, type: 'string' },
      grant_type: { const: 'device_code', type: 'string' },
      scope: { type: 'string' },
      workspace_id: { type: 'string' },
    },
    required: ['grant_type', 'device_code'],
    type: 'object',
  },
  // The parent JWT is the request's Bearer token; there is no body field for it.
  ExternalUserSessionTokenRequest: {
    properties: {
      consumer_entity_id: { type: 'string' },
      external_subject_key: { maxLength: 256, minLength: 1, type: 'string' },
      grant_type: { const: EXTERNAL_USER_SESSION_GRANT, type: 'string' },
      scope: { type: 'string' },
      service_id: { minLength: 1, type: 'string' },
      subject_type: ref('ExternalUserSubjectType'),
      ttl_seconds: { maximum: 3600, minimum: 900, type: 'integer' },
      workspace_id: { minLength: 1, type: 'string' },
    },
    required: ['grant_type', 'workspace_id', 'external_subject_key', 'subject_type', 'service_id'],
    type: 'object',
  },
  ExternalUserSubjectType: { enum: ['user', 'anonymous'], type: 'string' },
  TokenRequest: {
    anyOf: [
      ref('ApiKeyTokenRequest'),
      ref('ClientCredentialsTokenRequest'),
      ref('RefreshTokenRequest'),
      ref('DeviceCodeTokenRequest'),
      ref('ExternalUserSessionTokenRequest'),
    ],
  },
  TokenResponse: {
    properties: {
      access_token: { type: 'string' },
      expires_in: { type: 'integer' },
      refresh_token: nullable({ type: 'string' }),
      scope: { type: 'string' },
      session_id: nullable({ type: 'string' }),
      token_type: { enum: ['Bearer', 'DPoP'], type: 'string' },
    },
    required: ['access_token', 'token_type', 'expires_in', 'scope'],
    type: 'object',
  },
  ExternalUserSessionTokenResponse: {
    allOf: [
      ref('TokenResponse'),
      {
        properties: {
          consumer_entity_id: nullable({ type: 'string' }),
          consumer_subject_id: { type: 'string' },
          session_id: { type: 'string' },
          subject_type: ref('ExternalUserSubjectType'),
        },
        required: ['session_id', 'consumer_subject_id', 'subject_type'],
        type: 'object',
      },
    ],
  },
  WorkspaceChoice: {
    properties: {
      name: { type: 'string' },
      role: { type: 'string' },
      workspace_id: { type: 'string' },
    },
    required: ['workspace_id'],
    type: 'object',
  },
  WorkspaceSelectionResponse: {
    properties: {
      error: { const: 'workspace_selection_required', type: 'string' },
      refresh_token: { type: 'string' },
      workspaces: { items: ref('WorkspaceChoice'), type: 'array' },
    },
    required: ['error', 'workspaces'],
    type: 'object',
  },
  OAuthError: {
    properties: {
      error: { type: 'string' },
      error_description: { type: 'string' },
    },
    required: ['error'],
    type: 'object',
  },
  DeviceCodeRequest: {
    properties: {
      client_description: { maxLength: 256, type: 'string' },
      scope: { type: 'string' },
    },
    type: 'object',
  },
  DeviceCodeResponse: {
    properties: {
      device_code: { type: 'string' },
      expires_in: { type: 'integer' },
      interval: { type: 'integer' },
      user_code: { type: 'string' },
      verification_uri: { type: 'string' },
      verification_uri_complete: { type: 'string' },
    },
    required: [
      'device_code',
      'user_code',
      'verification_uri',
      'verification_uri_complete',
      'expires_in',
      'interval',
    ],
    type: 'object',
  },
  SelfProfileResponse: {
    additionalProperties: true,
    properties: {
      email: nullable({ type: 'string' }),
      entity_id: nullable({ type: 'string' }),
      name: nullable({ type: 'string' }),
      workspaces: { items: ref('WorkspaceChoice'), type: 'array' },
    },
    required: ['workspaces'],
    type: 'object',
  },

  // external integrations
  ExternalIntegrationRequest: {
    properties: {
      description: nullable({ maxLength: 2000, type: 'string' }),
      display_name: nullable({ maxLength: 256, type: 'string' }),
      name: { maxLength: 128, minLength: 1, type: 'string' },
    },
    required: ['name'],
    type: 'object',
  },
  ExternalIntegrationUpdateRequest: {
    properties: {
      description: nullable({ maxLength: 2000, type: 'string' }),
      display_name: nullable({ maxLength: 256, type: 'string' }),
      is_active: nullable({ type: 'boolean' }),
    },
    type: 'object',
  },
  ExternalIntegrationResponse: {
    properties: {
      created_at: { format: 'date-time', type: 'string' },
      created_by_credential_id: nullable({ type: 'string' }),
      created_by_entity_id: nullable({ type: 'string' }),
      description: nullable({ type: 'string' }),
      display_name: nullable({ type: 'string' }),
      id: { format: 'uuid', type: 'string' },
      is_active: { type: 'boolean' },
      name: { type: 'string' },
      updated_at: nullable({ format: 'date-time', type: 'string' }),
      workspace_id: { format: 'uuid', type: 'string' },
    },
    required: ['id', 'workspace_id', 'name', 'display_name', 'description', 'is_active', 'created_at'],
    type: 'object',
  },
  PaginatedResponse_ExternalIntegrationResponse_: tokenPage('ExternalIntegrationResponse'),
  ExternalIntegrationCredentialRequest: {
    properties: {
      name: { maxLength: 128, minLength: 1, type: 'string' },
      service_ids: { items: { format: 'uuid', type: 'string' }, maxItems: 50, minItems: 1, type: 'array' },
    },
    required: ['name', 'service_ids'],
    type: 'object',
  },
  ExternalIntegrationCredentialResponse: {
    properties: {
      client_id: { type: 'string' },
      created_at: { format: 'date-time', type: 'string' },
      expires_at: nullable({ format: 'date-time', type: 'string' }),
      id: { format: 'uuid', type: 'string' },
      integration_id: { format: 'uuid', type: 'string' },
      is_active: { type: 'boolean' },
      name: { type: 'string' },
      revoked_at: nullable({ format: 'date-time', type: 'string' }),
      rotated_at: nullable({ format: 'date-time', type: 'string' }),
      service_ids: { items: { format: 'uuid', type: 'string' }, type: 'array' },
      updated_at: nullable({ format: 'date-time', type: 'string' }),
      workspace_id: { format: 'uuid', type: 'string' },
    },
    required: [
      'id',
      'workspace_id',
      'integration_id',
      'client_id',
      'name',
      'service_ids',
      'is_active',
      'created_at',
    ],
    type: 'object',
  },
  ExternalIntegrationCredentialSecretResponse: {
    properties: {
      client_secret: { type: 'string' },
      credential: ref('ExternalIntegrationCredentialResponse'),
    },
    required: ['client_secret', 'credential'],
    type: 'object',
  },

  // workspace data queries
  WorkspaceDataQueryParameter: {
    properties: {
      default: {},
      description: nullable({ maxLength: 1000, type: 'string' }),
      name: { maxLength: 64, minLength: 1, pattern: '^[A-Za-z_][A-Za-z0-9_]*$', type: 'string' },
      type: { minLength: 1, type: 'string' },
    },
    required: ['name', 'type'],
    type: 'object',
  },
  CreateWorkspaceDataQueryRequest: {
    properties: {
      description: nullable({ maxLength: 2000, type: 'string' }),
      name: { maxLength: 128, minLength: 1, type: 'string' },
      parameters: { default: [], items: ref('WorkspaceDataQueryParameter'), maxItems: 50, type: 'array' },
      sql_template: { maxLength: 100000, minLength: 1, type: 'string' },
    },
    required: ['name', 'sql_template'],
    type: 'object',
  },
  UpdateWorkspaceDataQueryRequest: {
    properties: {
      description: nullable({ maxLength: 2000, type: 'string' }),
      name: nullable({ maxLength: 128, minLength: 1, type: 'string' }),
      parameters: nullable({ items: ref('WorkspaceDataQueryParameter'), maxItems: 50, type: 'array' }),
      sql_template: nullable({ maxLength: 100000, minLength: 1, type: 'string' }),
    },
    type: 'object',
  },
  WorkspaceDataQueryItem: {
    properties: {
      deployed_at: nullable({ format: 'date-time', type: 'string' }),
      deployed_by: nullable({ type: 'string' }),
      description: nullable({ type: 'string' }),
      id: { format: 'uuid', type: 'string' },
      last_invoked_at: nullable({ format: 'date-time', type: 'string' }),
      name: { type: 'string' },
      parameters: { items: ref('WorkspaceDataQueryParameter'), type: 'array' },
      sql_template: { type: 'string' },
      timeout_ms: nullable({ type: 'integer' }),
    },
    required: ['id', 'name', 'description', 'sql_template', 'parameters'],
    type: 'object',
  },
  WorkspaceDataQueryListItem: {
    allOf: [
      ref('WorkspaceDataQueryItem'),
      { properties: { parameter_count: { type: 'integer' } }, required: ['parameter_count'], type: 'object' },
    ],
  },
  WorkspaceDataQueryListResponse: {
    properties: {
      count: { type: 'integer' },
      items: { items: ref('WorkspaceDataQueryListItem'), type: 'array' },
    },
    required: ['items', 'count'],
    type: 'object',
  },
  InvokeWorkspaceDataQueryRequest: {
    properties: {
      input: { additionalProperties: true, default: {}, type: 'object' },
    },
    type: 'object',
  },
  InvokeWorkspaceDataQueryResponse: {
    properties: {
      duration_ms: { type: 'number' },
      result: nullable({ items: { additionalProperties: true, type: 'object' }, type: 'array' }),
      row_count: { type: 'integer' },
    },
    required: ['result', 'row_count', 'duration_ms'],
    type: 'object',
  },

  // blocking text message (restored from the older API shape the README still uses)
  SendMessageRequest: {
    properties: {
      conversation_id: nullable({ maxLength: 64, type: 'string' }),
      entity_id: nullable({ maxLength: 64, type: 'string' }),
      message: { maxLength: 10000, minLength: 1, type: 'string' },
      service_id: { maxLength: 64, minLength: 1, type: 'string' },
    },
    required: ['service_id', 'message'],
    type: 'object',
  },
  ConversationMessage: {
    properties: {
      role: { enum: ['agent', 'user', 'system'], type: 'string' },
      text: { type: 'string' },
    },
    required: ['role', 'text'],
    type: 'object',
  },
  SendMessageResponse: {
    properties: {
      conversation_id: { type: 'string' },
      messages: { items: ref('ConversationMessage'), type: 'array' },
      status: { enum: ['active', 'completed', 'error'], type: 'string' },
    },
    required: ['conversation_id', 'messages', 'status'],
    type: 'object',
  },

  // provider names the README imports as types
  VoiceSessionProvider: { enum: ['inhouse'], type: 'string' },
  SttProvider: { enum: ['deepgram'], type: 'string' },
  TtsProvider: { enum: ['cartesia', 'elevenlabs', 'groq'], type: 'string' },

  // typed analytics dashboard
  DashboardKpi: {
    properties: {
      delta_pct: nullable({ type: 'number' }),
      previous_value: nullable({ type: 'number' }),
      value: nullable({ type: 'number' }),
    },
    required: ['value'],
    type: 'object',
  },
  AnalyticsDashboardResponse: {
    additionalProperties: true,
    properties: {
      avg_duration_seconds: ref('DashboardKpi'),
      avg_quality: ref('DashboardKpi'),
      call_volume: ref('DashboardKpi'),
      escalation_rate: ref('DashboardKpi'),
      resolution_rate: ref('DashboardKpi'),
    },
    required: ['call_volume', 'avg_quality'],
    type: 'object',
  },

  // call detail extras
  CallDetailIntelligence: {
    additionalProperties: true,
    properties: {
      key_moments: nullable({ items: { additionalProperties: true, type: 'object' }, type: 'array' }),
      quality_score: nullable({ type: 'number' }),
      summary: nullable({ type: 'string' }),
    },
    type: 'object',
  },
  CallTranscriptEntry: {
    properties: {
      offset_seconds: nullable({ type: 'number' }),
      role: { enum: ['agent', 'caller', 'operator', 'system'], type: 'string' },
      text: { type: 'string' },
    },
    required: ['role', 'text'],
    type: 'object',
  },
}

// ── paths ────────────────────────────────────────────────────────────────────────────────────────
const tokenResponses = {
  200: ok({ anyOf: [ref('ExternalUserSessionTokenResponse'), ref('TokenResponse')] }),
  300: ok(ref('WorkspaceSelectionResponse')),
  400: ok(ref('OAuthError')),
  401: ok(ref('OAuthError')),
  429: {
    content: json(ref('OAuthError')),
    description: '',
    headers: { 'Retry-After': { schema: { type: 'string' } } },
  },
}

const ei = '/v1/{workspace_id}/external-integrations'
const eiId = pathParam('integration_id', { format: 'uuid', type: 'string' })
const credId = pathParam('credential_id', { format: 'uuid', type: 'string' })
const dq = '/v1/{workspace_id}/data_queries'
const dqId = pathParam('query_id', { format: 'uuid', type: 'string' })
const body = (name, required = true) => ({ content: json(ref(name)), required })

const paths = {
  '/token': {
    post: {
      operationId: 'create-token',
      requestBody: { content: form(ref('TokenRequest')), required: true },
      responses: tokenResponses,
      security: [],
      tags: ['Identity'],
    },
  },
  '/device/code': {
    post: {
      operationId: 'create-device-code',
      requestBody: { content: form(ref('DeviceCodeRequest')), required: false },
      responses: {
        200: ok(ref('DeviceCodeResponse')),
        400: ok(ref('OAuthError')),
        429: ok(ref('OAuthError')),
      },
      security: [],
      tags: ['Identity'],
    },
  },
  '/self/profile': {
    get: {
      operationId: 'get-self-profile',
      responses: { 200: ok(ref('SelfProfileResponse')), 401: noBody },
      tags: ['Identity'],
    },
  },
  '/self': {
    get: {
      operationId: 'get-self',
      responses: { 200: ok(ref('SelfProfileResponse')), 401: noBody },
      tags: ['Identity'],
    },
  },
  [ei]: {
    get: {
      operationId: 'list-external-integrations',
      parameters: [
        workspaceParam,
        ...pageParams,
        {
          in: 'query',
          name: 'search',
          required: false,
          schema: nullable({ maxLength: 256, type: 'string' }),
        },
      ],
      responses: { 200: ok(ref('PaginatedResponse_ExternalIntegrationResponse_')), ...authErrors },
      tags: ['External Integrations'],
    },
    post: {
      operationId: 'create-external-integration',
      parameters: [workspaceParam],
      requestBody: body('ExternalIntegrationRequest'),
      responses: { 201: ok(ref('ExternalIntegrationResponse')), 409: noBody, ...authErrors },
      tags: ['External Integrations'],
    },
  },
  [`${ei}/{integration_id}`]: {
    delete: {
      operationId: 'delete-external-integration',
      parameters: [workspaceParam, eiId],
      responses: { 204: noBody, ...authErrors },
      tags: ['External Integrations'],
    },
    get: {
      operationId: 'get-external-integration',
      parameters: [workspaceParam, eiId],
      responses: { 200: ok(ref('ExternalIntegrationResponse')), ...authErrors },
      tags: ['External Integrations'],
    },
    patch: {
      operationId: 'update-external-integration',
      parameters: [workspaceParam, eiId],
      requestBody: body('ExternalIntegrationUpdateRequest'),
      responses: { 200: ok(ref('ExternalIntegrationResponse')), ...authErrors },
      tags: ['External Integrations'],
    },
  },
  [`${ei}/{integration_id}/credentials`]: {
    get: {
      operationId: 'list-external-integration-credentials',
      parameters: [workspaceParam, eiId],
      responses: {
        200: ok({ items: ref('ExternalIntegrationCredentialResponse'), type: 'array' }),
        ...authErrors,
      },
      tags: ['External Integrations'],
    },
    post: {
      operationId: 'create-external-integration-credential',
      parameters: [workspaceParam, eiId],
      requestBody: body('ExternalIntegrationCredentialRequest'),
      responses: { 201: ok(ref('ExternalIntegrationCredentialSecretResponse')), ...authErrors },
      tags: ['External Integrations'],
    },
  },
  [`${ei}/{integration_id}/credentials/{credential_id}/rotate`]: {
    post: {
      operationId: 'rotate-external-integration-credential',
      parameters: [workspaceParam, eiId, credId],
      responses: { 200: ok(ref('ExternalIntegrationCredentialSecretResponse')), 409: noBody, ...authErrors },
      tags: ['External Integrations'],
    },
  },
  [`${ei}/{integration_id}/credentials/{credential_id}`]: {
    delete: {
      operationId: 'revoke-external-integration-credential',
      parameters: [workspaceParam, eiId, credId],
      responses: { 204: noBody, ...authErrors },
      tags: ['External Integrations'],
    },
  },
  [dq]: {
    get: {
      operationId: 'list-workspace-data-queries',
      parameters: [workspaceParam],
      responses: { 200: ok(ref('WorkspaceDataQueryListResponse')), ...authErrors },
      tags: ['Workspace Data Queries'],
    },
    post: {
      operationId: 'create-workspace-data-query',
      parameters: [workspaceParam],
      requestBody: body('CreateWorkspaceDataQueryRequest'),
      responses: { 201: ok(ref('WorkspaceDataQueryItem')), 409: noBody, ...authErrors },
      tags: ['Workspace Data Queries'],
    },
  },
  [`${dq}/{query_id}`]: {
    delete: {
      operationId: 'delete-workspace-data-query',
      parameters: [workspaceParam, dqId],
      responses: { 204: noBody, ...authErrors },
      tags: ['Workspace Data Queries'],
    },
    get: {
      operationId: 'get-workspace-data-query',
      parameters: [workspaceParam, dqId],
      responses: { 200: ok(ref('WorkspaceDataQueryItem')), ...authErrors },
      tags: ['Workspace Data Queries'],
    },
    patch: {
      operationId: 'update-workspace-data-query',
      parameters: [workspaceParam, dqId],
      requestBody: body('UpdateWorkspaceDataQueryRequest'),
      responses: { 200: ok(ref('WorkspaceDataQueryItem')), ...authErrors },
      tags: ['Workspace Data Queries'],
    },
  },
  [`${dq}/{query_id}/invoke`]: {
    post: {
      operationId: 'invoke-workspace-data-query',
      parameters: [workspaceParam, dqId],
      requestBody: body('InvokeWorkspaceDataQueryRequest', false),
      responses: {
        200: ok(ref('InvokeWorkspaceDataQueryResponse')),
        400: noBody,
        429: noBody,
        ...authErrors,
      },
      tags: ['Workspace Data Queries'],
    },
  },
  '/v1/{workspace_id}/conversations/messages': {
    post: {
      operationId: 'send_message_v1__workspace_id__conversations_messages_post',
      parameters: [workspaceParam],
      requestBody: body('SendMessageRequest'),
      responses: { 200: ok(ref('SendMessageResponse')), 400: noBody, 422: validationError },
      tags: ['conversations'],
    },
  },
}

/** Own one-line summaries for the operations this overlay adds (facts operations get generated ones). */
export const SUMMARIES = {
  'create-token': 'Exchange a credential or grant for an access token',
  'create-device-code': 'Start a device-code sign-in',
  'get-self-profile': 'Show the signed-in identity and its workspaces',
  'get-self': 'Show the signed-in identity (older route)',
  'list-external-integrations': 'List external integrations',
  'create-external-integration': 'Register an external integration',
  'get-external-integration': 'Fetch one external integration',
  'update-external-integration': 'Change an external integration',
  'delete-external-integration': 'Remove an external integration',
  'list-external-integration-credentials': 'List credentials of an external integration',
  'create-external-integration-credential': 'Issue a credential (secret shown once)',
  'rotate-external-integration-credential': 'Replace a credential secret (new secret shown once)',
  'revoke-external-integration-credential': 'Revoke a credential (it stops working at once)',
  'list-workspace-data-queries': 'List saved workspace data queries',
  'create-workspace-data-query': 'Save a parameterised data query',
  'get-workspace-data-query': 'Fetch one saved data query',
  'update-workspace-data-query': 'Change a saved data query',
  'delete-workspace-data-query': 'Remove a saved data query',
  'invoke-workspace-data-query': 'Run a saved data query with input values',
  send_message_v1__workspace_id__conversations_messages_post: 'Send one user message and wait for the reply',
  'get-function': 'Fetch one function definition',
}

/** Public routes that take no bearer token. */
export const isPublicPath = (path) => path.startsWith('/s/') || path.startsWith('/upload/')

class OverlayMismatch extends Error {}

const need = (cond, what) => {
  if (!cond) throw new OverlayMismatch(`spec no longer matches an expected shape: ${what}`)
}

// Each step is one README-driven change. `fill` mode (used by openapi:sync on an upstream spec) skips
// what the spec already has and reports steps that no longer fit instead of failing.
const steps = [
  [
    'README schemas',
    (spec, fill) => {
      const S = spec.components.schemas
      for (const [name, schema] of Object.entries(schemas)) {
        if (S[name] && fill) continue
        need(!S[name], `schema ${name} already exists`)
        S[name] = structuredClone(schema)
      }
    },
  ],
  [
    'README operations',
    (spec, fill) => {
      for (const [path, item] of Object.entries(paths)) {
        spec.paths[path] ??= {}
        const target = spec.paths[path]
        for (const [method, op] of Object.entries(item)) {
          if (target[method] && fill) continue
          need(!target[method], `operation ${method.toUpperCase()} ${path} already exists`)
          target[method] = structuredClone(op)
        }
      }
    },
  ],
  [
    'functions.get',
    (spec, fill) => {
      const fnPath = spec.paths['/v1/{workspace_id}/functions/{function_name}']
      if (fill && fnPath?.get) return
      need(fnPath?.delete && !fnPath.get, 'functions/{function_name} without GET')
      need(spec.components.schemas.FunctionDef, 'schema FunctionDef')
      fnPath.get = {
        operationId: 'get-function',
        parameters: structuredClone(fnPath.delete.parameters),
        responses: { 200: ok(ref('FunctionDef')), 404: noBody, 422: validationError },
        tags: structuredClone(fnPath.delete.tags ?? ['Functions']),
      }
    },
  ],
  [
    'operationId aliases',
    (spec) => {
      // keep the snapshot id, carry the README id as an alias (see docs/spec-changes.md)
      for (const [opId, aliases] of Object.entries(OPERATION_ID_ALIASES)) {
        const op = findOperation(spec, opId)
        need(op, `operation ${opId}`)
        op['x-amigo-operation-id-aliases'] = [...aliases]
      }
    },
  ],
  [
    'voice session provider',
    (spec) => {
      const S = spec.components.schemas
      for (const name of ['VoiceConfig', 'ServiceVoiceConfig']) {
        need(S[name]?.properties, name)
        S[name].properties.session_provider ??= { ...nullable(ref('VoiceSessionProvider')), default: null }
      }
    },
  ],
  [
    'stt provider',
    (spec) => {
      const S = spec.components.schemas
      for (const name of ['VoiceSettingsRequest', 'VoiceSettingsResponse']) {
        need(S[name]?.properties, name)
        S[name].properties.stt_provider ??= nullable(ref('SttProvider'))
      }
    },
  ],
  [
    'call stats interval',
    (spec) => {
      const stats = spec.paths['/v1/{workspace_id}/analytics/calls']?.get
      need(stats, 'call stats operation')
      stats.parameters ??= []
      if (stats.parameters.some((p) => p.in === 'query' && p.name === 'interval')) return
      stats.parameters.push({
        in: 'query',
        name: 'interval',
        required: false,
        schema: { default: '1d', enum: ['1h', '1d', '1w'], type: 'string' },
      })
    },
  ],
  [
    'typed dashboard',
    (spec, fill) => {
      const media =
        spec.paths['/v1/{workspace_id}/analytics/dashboard']?.get?.responses?.['200']?.content?.[
          'application/json'
        ]
      need(media, 'analytics dashboard 200')
      if (fill && media.schema?.$ref) return
      media.schema = ref('AnalyticsDashboardResponse')
    },
  ],
  [
    'call detail intelligence + transcript',
    (spec) => {
      const props = spec.components.schemas.CallDetailResponse?.properties
      need(props?.call_sid, 'CallDetailResponse.call_sid')
      props.intelligence ??= { ...nullable(ref('CallDetailIntelligence')), default: null }
      props.transcript ??= {
        ...nullable({ items: ref('CallTranscriptEntry'), type: 'array' }),
        default: null,
      }
    },
  ],
  [
    'guidance text',
    (spec) => {
      // `text` accepted; neither field required on its own
      const guidance = spec.components.schemas.SendGuidanceRequest
      need(guidance?.properties, 'SendGuidanceRequest')
      guidance.properties.text ??= { maxLength: 5000, minLength: 1, type: 'string' }
      guidance.required = []
    },
  ],
  [
    'retention days floor',
    (spec) => {
      // The README sets call_recordings_days to 90; the snapshot's request floor is 365 days.
      const props = spec.components.schemas.RetentionPolicyRequest?.properties
      need(props?.call_recordings_days, 'RetentionPolicyRequest.call_recordings_days')
      for (const branch of props.call_recordings_days.anyOf ?? []) {
        if (branch.type === 'integer' && branch.minimum > 1) branch.minimum = 1
      }
    },
  ],
  [
    'wrap-up outcome only',
    (spec) => {
      const wrap = spec.components.schemas.WrapUpRequest
      need(wrap?.properties?.outcome, 'WrapUpRequest')
      wrap.required = ['outcome']
    },
  ],
  [
    'audit export dates',
    (spec) => {
      const audit = spec.components.schemas.AuditExportRequest
      need(audit?.properties, 'AuditExportRequest')
      audit.properties.start_date ??= { format: 'date', type: 'string' }
      audit.properties.end_date ??= { format: 'date', type: 'string' }
      audit.required = []
    },
  ],
  [
    'function test input',
    (spec) => {
      const props = spec.components.schemas.FunctionTestRequest?.properties
      need(props, 'FunctionTestRequest')
      props.input ??= { additionalProperties: true, type: 'object' }
    },
  ],
  [
    'endpoint test top-level inputs',
    (spec) => {
      const req = spec.components.schemas.TestEndpointRequest
      need(req?.properties, 'TestEndpointRequest')
      req.additionalProperties = true
    },
  ],
  [
    'public routes without security',
    (spec) => {
      for (const [path, item] of Object.entries(spec.paths)) {
        if (!isPublicPath(path)) continue
        for (const op of Object.values(item))
          if (op && typeof op === 'object' && op.operationId) op.security = []
      }
    },
  ],
]

/**
 * Apply every README-driven change to `spec` (mutates and returns it). Strict by default: any
 * mismatch throws. With `{ fill: true }` existing additions are kept and mismatching steps are
 * skipped; their messages are returned in `warnings`.
 */
export function applyOverlay(spec, { fill = false, warnings = [] } = {}) {
  spec.components ??= {}
  spec.components.schemas ??= {}
  spec.paths ??= {}
  for (const [name, step] of steps) {
    try {
      step(spec, fill)
    } catch (err) {
      if (!fill || !(err instanceof OverlayMismatch)) throw err
      warnings.push(`${name}: ${err.message}`)
    }
  }
  return spec
}

function findOperation(spec, operationId) {
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) if (op?.operationId === operationId) return op
  }
  return undefined
}

/** Every operation this overlay adds, as [method, path, operationId] (for the validator). */
export const ADDED_OPERATIONS = [
  ...Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => [method, path, op.operationId]),
  ),
  ['get', '/v1/{workspace_id}/functions/{function_name}', 'get-function'],
]

/** Schemas the overlay adds (for the validator). */
export const ADDED_SCHEMAS = Object.keys(schemas)
