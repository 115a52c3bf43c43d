// The rows the store keeps, one type per table. Each names the fields the mock itself relies on and
// sets in its sample data; a row holds every other field of its response schema too (sampled from
// the spec), hence the open index signature.

/** Any stored record: a response body of the spec, kept as plain data. */
export type Row = Record<string, any>

type Timestamps = { created_at: string; updated_at: string }

// ── workspaces and credentials ──────────────────────────────────────────────────────────────────

export interface WorkspaceRow extends Row, Timestamps {
  id: string
  name: string
  slug: string
  environment: string
  region: string
  provisioned_at: string
  backend_org_id: string | null
  connector_type: string | null
}

export interface ApiKeyRow extends Row, Timestamps {
  id: string
  key_id: string
  name: string
  role: string
  permissions: string[]
  workspace_id: string
  expires_at: string
  last_used_at: string | null
  created_by_credential_id: string | null
  created_by_entity_id: string | null
}

// ── agents, actions and services ────────────────────────────────────────────────────────────────

export interface AgentRow extends Row, Timestamps {
  id: string
  workspace_id: string
  name: string
  description: string
  latest_version: number
}

export interface AgentVersionRow extends Row, Timestamps {
  id: string
  agent_id: string
  workspace_id: string
  version: number
  name: string
  initials: string
  background: string
  behaviors: string[]
  communication_patterns: string[]
  identity: Row
  voice_config: Row
}

export interface ContextGraphRow extends Row, Timestamps {
  id: string
  workspace_id: string
  name: string
  description: string
  latest_version: number
  state_count: number
}

export interface SkillRow extends Row, Timestamps {
  id: string
  workspace_id: string
  slug: string
  name: string
  description: string
  enabled: boolean
  input_schema: Row
  version: number
}

export interface ServiceRow extends Row, Timestamps {
  id: string
  workspace_id: string
  name: string
  description: string
  channel_type: string
  agent_id: string
  agent_name: string
  context_graph_id: string
  context_graph_name: string
  is_active: boolean
  keyterms: string[]
  tags: string[]
  tool_capacity: number
  version_sets: Row
  voice_config: Row | null
}

// ── the world model ─────────────────────────────────────────────────────────────────────────────

export interface EntityRow extends Row, Timestamps {
  id: string
  workspace_id: string
  entity_type: string
  display_name: string
  source: string
  confidence: number
  event_count: number
  tags: string[]
  state: Row
}

export interface EntityEventRow extends Row {
  id: string
  domain: string
  event_type: string
  entity_type: string
  data: Row
  source: string
  confidence: number
  is_current: boolean
  created_at: string
  effective_at: string
  sync_status: string
}

// ── calls and conversations ─────────────────────────────────────────────────────────────────────

export interface CallRow extends Row {
  call_sid: string
  workspace_id: string
  entity_id: string
  caller_id: string
  phone_number: string
  direction: 'inbound' | 'outbound'
  /** Null while the call is in progress. */
  duration_seconds: number | null
  completion_reason: string | null
  escalation_status: string
  final_state?: string
  has_recording: boolean
  quality_score: number | null
  service_id: string
  source: string
  started_at: string
  status: string
  turns: number
}

/** The scripted lines of a call, for its transcript and observer stream. */
export interface CallScript {
  userLine: string
  agentLine: string
}

interface ConversationTurn extends Row {
  role: 'user' | 'agent'
  text: string
  timestamp: string
}

export interface ConversationRow extends Row, Timestamps {
  id: string
  workspace_id: string
  service_id: string
  entity_id: string | null
  channel_kind: string
  lifecycle: string
  status: string
  turn_count: number
  turns: ConversationTurn[]
}

// ── automation and operations ───────────────────────────────────────────────────────────────────

export interface TriggerRow extends Row, Timestamps {
  id: string
  workspace_id: string
  name: string
  schedule: string
  timezone: string
  action_id: string
  event_type: string
  input_template: Row
  is_active: boolean
  next_fire_at: string | null
}

export interface TriggerRunRow extends Row {
  event_id: string
  event_type: string
  data: Row
  created_at: string
  effective_at: string
}

export interface ReviewItemRow extends Row {
  id: string
  workspace_id: string
  status: string
  priority: number
  reason: string
  session_id: string
  entity_id: string
  entity_type: string
  created_at: string
}

export interface OperatorRow extends Row, Timestamps {
  id: string
  workspace_id: string
  name: string
  email: string
  role: string
  status: string
  active_call_sid: string | null
}

// ── connectors ──────────────────────────────────────────────────────────────────────────────────

export interface DataSourceRow extends Row, Timestamps {
  id: string
  workspace_id: string
  name: string
  source_type: string
  health_status: string
  is_active: boolean
}

export interface IntegrationRow extends Row, Timestamps {
  id: string
  workspace_id: string
  name: string
  display_name: string
  protocol: string
  enabled: boolean
}

export interface FunctionRow extends Row {
  workspace_id: string
  /** Unique within its workspace only. */
  name: string
  description: string
  function_type: string
  enabled: boolean
}

/** A stored webhook destination plus the delivery target the mock posts to. */
export interface WebhookDestinationRow extends Row {
  id: string
  secret: string
  /** Where signed deliveries go (`url` field of the create body, or set via `mock.addWebhookDestination`). */
  target_url?: string
}
