import type { Store } from './store'

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

const PEOPLE = [
  'Jane Doe',
  'John Smith',
  'Maria Garcia',
  'Wei Chen',
  'Aisha Khan',
  'Liam Murphy',
  'Sofia Rossi',
  'Noah Cohen',
  'Emma Dubois',
  'Kenji Sato',
  'Olivia Brown',
  'Lucas Silva',
  'Amara Okafor',
  'Ethan Walker',
  'Priya Patel',
]
const CALL_STATES = ['greeting', 'identify_patient', 'schedule', 'confirm', 'farewell']
const UTTERANCES: Array<[string, string]> = [
  ['Hi, I would like to book a follow-up appointment.', 'Of course. Could you tell me your date of birth?'],
  ['I need to reschedule my visit on Tuesday.', 'No problem. Which day works better for you?'],
  [
    'Can you check whether my lab results are in?',
    'Your results are ready; your clinician will call you today.',
  ],
  ['I have a question about my bill.', 'I can help with that. Could you confirm your account number?'],
]

/**
 * Fills the store with a deterministic workspace: same seed, same ids and content. Dates are laid
 * out relative to the start day so "last 30 days" analytics always have data.
 */
export function seedStore(s: Store, seed: number): void {
  const r = s.random
  const t0 = s.epoch
  const ws = r.uuid()
  s.workspaceId = ws
  s.apiKey = `amg_test_${r.hex(8)}_${seed}_${r.hex(24)}`

  const workspace = (name: string, slug: string, id = r.uuid()) =>
    s.workspaces.put(
      s.seed('WorkspaceResponse', {
        id,
        name,
        slug,
        environment: 'production',
        region: 'us-east-1',
        created_at: iso(t0 - 200 * DAY),
        updated_at: iso(t0 - 10 * DAY),
        provisioned_at: iso(t0 - 199 * DAY),
        backend_org_id: null,
        connector_type: null,
      }),
    )
  workspace('Acme Health', 'acme-health', ws)
  workspace('Acme Health Staging', 'acme-health-staging')
  workspace('Acme Research', 'acme-research')

  s.apiKeys.put(
    s.seed('ApiKeyResponse', {
      id: r.uuid(),
      key_id: s.apiKey.slice(0, 17),
      name: 'mock admin key',
      role: 'owner',
      permissions: ['*'],
      workspace_id: ws,
      created_at: iso(t0 - 30 * DAY),
      updated_at: iso(t0 - 30 * DAY),
      expires_at: iso(t0 + 365 * DAY),
      last_used_at: null,
      created_by_credential_id: null,
      created_by_entity_id: null,
    }),
  )

  // Agents and versions.
  const agentDefs = [
    ['Patient Intake Agent', 'Handles inbound scheduling calls', 'Alex'],
    ['Billing Assistant', 'Answers billing and insurance questions', 'Sam'],
    ['Lab Results Agent', 'Tells patients when results are ready', 'Riley'],
  ] as const
  const agents = agentDefs.map(([name, description, persona], i) => {
    const id = r.uuid()
    const created = iso(t0 - (90 - i) * DAY)
    const versions = [1, 2].map((v) =>
      s.seed('AgentVersionResponse', {
        id: r.uuid(),
        agent_id: id,
        workspace_id: ws,
        version: v,
        name: `v${v}`,
        initials: persona.slice(0, 2).toUpperCase(),
        background: `${persona} works for Acme Health.`,
        behaviors: ['Be concise', 'Confirm identity before sharing details'],
        communication_patterns: ['Warm and professional'],
        identity: {
          name: persona,
          role: 'Coordinator',
          developed_by: 'Acme Health',
          default_spoken_language: 'en',
          relationship_to_developer: {
            ownership: 'Acme Health',
            type: 'assistant',
            conversation_visibility: 'public',
            thought_visibility: 'private',
          },
        },
        voice_config: { voice_id: `voice-${persona.toLowerCase()}`, tts_provider: 'cartesia' },
        created_at: iso(t0 - (80 - v) * DAY),
        updated_at: iso(t0 - (80 - v) * DAY),
      }),
    )
    s.agentVersions.set(id, versions)
    return s.agents.put(
      s.seed('AgentResponse', {
        id,
        workspace_id: ws,
        name,
        description,
        latest_version: versions.length,
        created_at: created,
        updated_at: created,
      }),
    )
  })

  const contextGraph = s.contextGraphs.put(
    s.seed('ContextGraphResponse', {
      id: r.uuid(),
      workspace_id: ws,
      name: 'Scheduling flow',
      description: 'Greeting, identification, scheduling, confirmation',
      latest_version: 1,
      state_count: CALL_STATES.length,
      created_at: iso(t0 - 85 * DAY),
      updated_at: iso(t0 - 20 * DAY),
    }),
  )

  // Actions (skills).
  for (const [slug, name, description] of [
    ['schedule-appointment', 'Schedule Appointment', 'Books appointments in the scheduling system'],
    ['lookup-insurance', 'Lookup Insurance', 'Reads a patient insurance plan'],
  ] as const) {
    s.skills.put(
      s.seed('SkillResponse', {
        id: r.uuid(),
        workspace_id: ws,
        slug,
        name,
        description,
        enabled: true,
        input_schema: {
          type: 'object',
          properties: { patient_id: { type: 'string' } },
          required: ['patient_id'],
        },
        version: 1,
        created_at: iso(t0 - 60 * DAY),
        updated_at: iso(t0 - 60 * DAY),
      }),
    )
  }

  // Services: one voice, one text.
  const services = [
    ['Main Line', 'voice', agents[0]!],
    ['Patient Chat', 'text', agents[1]!],
  ].map(([name, channel, agent]) =>
    s.services.put(
      s.seed('ServiceResponse', {
        id: r.uuid(),
        workspace_id: ws,
        name,
        description: `${name} service`,
        channel_type: channel,
        agent_id: (agent as Record<string, any>).id,
        agent_name: (agent as Record<string, any>).name,
        context_graph_id: contextGraph.id,
        context_graph_name: contextGraph.name,
        is_active: true,
        keyterms: [],
        tags: [],
        tool_capacity: 8,
        version_sets: { release: { agent_version: 2, context_graph_version: 1 } },
        voice_config: channel === 'voice' ? { filler_style: 'backchannel', tts_provider: 'cartesia' } : null,
        created_at: iso(t0 - 70 * DAY),
        updated_at: iso(t0 - 5 * DAY),
      }),
    ),
  )

  // World entities: patients with timelines, plus appointments.
  PEOPLE.forEach((name, i) => {
    const id = r.uuid()
    const created = t0 - (60 - i) * DAY
    s.entities.put(
      s.seed('EntityResponse', {
        id,
        workspace_id: ws,
        entity_type: 'patient',
        display_name: name,
        name,
        canonical_id: `MRN-${1000 + i}`,
        mrn: `MRN-${1000 + i}`,
        phone: `+1555010${String(i).padStart(4, '0')}`,
        email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
        birth_date: `19${60 + i}-0${(i % 9) + 1}-1${i % 9}`,
        source: 'ehr',
        confidence: 0.9,
        event_count: 3,
        tags: i % 3 === 0 ? ['vip'] : [],
        state: { status: 'active' },
        created_at: iso(created),
        updated_at: iso(created + DAY),
        first_seen_at: iso(created),
        last_event_at: iso(created + 3 * DAY),
      }),
    )
    const events = [0, 1, 2].map((k) =>
      s.seed('EntityEventResponse', {
        id: r.uuid(),
        domain: k === 0 ? 'clinical' : 'communication',
        event_type: ['patient.registered', 'call.completed', 'appointment.scheduled'][k]!,
        entity_type: 'patient',
        data: { note: `${name} event ${k + 1}` },
        source: 'ehr',
        confidence: 0.9,
        is_current: true,
        created_at: iso(created + k * DAY),
        effective_at: iso(created + k * DAY),
        sync_status: 'synced',
      }),
    )
    s.entityEvents.set(id, events.reverse())
  })
  for (let i = 0; i < 5; i++) {
    const start = t0 + (i + 1) * DAY + 9 * 3_600_000
    s.entities.put(
      s.seed('EntityResponse', {
        id: r.uuid(),
        workspace_id: ws,
        entity_type: 'appointment',
        display_name: `Follow-up visit ${i + 1}`,
        appointment_start: iso(start),
        appointment_end: iso(start + 1_800_000),
        appointment_status: 'booked',
        appointment_type: 'follow-up',
        source: 'ehr',
        confidence: 1,
        event_count: 1,
        state: {},
        tags: [],
        created_at: iso(t0 - DAY),
        updated_at: iso(t0 - DAY),
      }),
    )
  }

  // Calls: ~50 over the last 30 days.
  const patients = s.entities.list((e) => e.entity_type === 'patient')
  for (let i = 0; i < 50; i++) {
    const sid = `CA${r.hex(32)}`
    const started = t0 - r.int(0, 29) * DAY + r.int(8, 17) * 3_600_000 + r.int(0, 59) * 60_000 - DAY
    const service = services[i % 5 === 4 ? 1 : 0]!
    const completion = r.pick(['completed', 'completed', 'completed', 'escalated', 'abandoned'] as const)
    const [userLine, agentLine] = r.pick(UTTERANCES)
    const patient = patients[i % patients.length]!
    s.calls.put(
      s.seed('CallSummary', {
        call_sid: sid,
        entity_id: patient.id,
        caller_id: patient.phone,
        phone_number: '+15550001000',
        direction: i % 4 === 3 ? 'outbound' : 'inbound',
        duration_seconds: r.int(45, 600),
        completion_reason: completion,
        escalation_status: completion === 'escalated' ? 'completed' : 'none',
        final_state: completion === 'completed' ? 'farewell' : 'schedule',
        has_recording: true,
        quality_score: Math.round((0.55 + r.next() * 0.45) * 100) / 100,
        service_id: service.id,
        source: 'real',
        started_at: iso(started),
        status: 'completed',
        turns: r.int(4, 14),
      }),
    )
    s.callScripts.set(sid, { userLine, agentLine })
  }

  // Conversations (text).
  for (let i = 0; i < 3; i++) {
    const created = iso(t0 - (3 - i) * DAY)
    s.conversations.put(
      s.seed('ConversationDetail', {
        id: r.uuid(),
        service_id: services[1]!.id,
        entity_id: patients[i]!.id,
        channel_kind: 'web',
        lifecycle: 'closed',
        status: 'completed',
        created_at: created,
        updated_at: created,
        turn_count: 2,
        turns: [
          { role: 'user', text: UTTERANCES[i]![0], timestamp: created, content: [] },
          { role: 'agent', text: UTTERANCES[i]![1], timestamp: created, content: [] },
        ],
      }),
    )
  }

  // Triggers and runs.
  const skill = s.skills.list()[0]!
  for (const [name, schedule, active] of [
    ['Daily outreach', '0 9 * * 1-5', true],
    ['Weekly reminder', '0 10 * * 1', false],
  ] as const) {
    const id = r.uuid()
    s.triggers.put(
      s.seed('TriggerResponse', {
        id,
        workspace_id: ws,
        name,
        schedule,
        timezone: 'America/New_York',
        action_id: skill.id,
        event_type: 'trigger.scheduled',
        input_template: { campaign: 'follow-up' },
        is_active: active,
        description: null,
        event_filter: null,
        created_by: 'mock',
        next_fire_at: active ? iso(t0 + DAY + 9 * 3_600_000) : null,
        created_at: iso(t0 - 40 * DAY),
        updated_at: iso(t0 - 40 * DAY),
      }),
    )
    s.triggerRuns.set(
      id,
      [1, 2, 3].map((k) =>
        s.seed('TriggerRunResponse', {
          event_id: r.uuid(),
          event_type: 'trigger.completed',
          data: { trigger_id: id, status: 'completed' },
          created_at: iso(t0 - k * DAY),
          effective_at: iso(t0 - k * DAY),
        }),
      ),
    )
  }

  // Review queue.
  for (let i = 0; i < 8; i++) {
    const p = patients[i]!
    s.reviewItems.put(
      s.seed('ReviewItemResponse', {
        id: r.uuid(),
        workspace_id: ws,
        status: 'pending',
        priority: (i % 3) + 1,
        reason: r.pick(['low_confidence', 'conflicting_data', 'phi_detected']),
        session_id: `sess_${r.hex(12)}`,
        entity_id: p.id,
        entity_type: 'patient',
        entity: { id: p.id, display_name: p.display_name, entity_type: 'patient', state: {} },
        event_ids: [r.uuid()],
        events: null,
        assigned_to: null,
        completed_action: null,
        completed_at: null,
        judge_analysis: { confidence: 0.4 },
        created_at: iso(t0 - i * 3_600_000),
      }),
    )
  }

  // Operators.
  for (const [name, status] of [
    ['Dana Lee', 'online'],
    ['Chris Park', 'offline'],
    ['Jordan Blake', 'online'],
  ] as const) {
    s.operators.put(
      s.seed('OperatorResponse', {
        id: r.uuid(),
        workspace_id: ws,
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}@acme.example`,
        role: 'operator',
        status,
        connection_method: 'browser',
        skills: ['scheduling'],
        avg_handle_time_seconds: 240,
        total_escalations_handled: r.int(3, 40),
        active_call_sid: null,
        type: 'administrative',
        created_at: iso(t0 - 100 * DAY),
        updated_at: iso(t0 - 2 * DAY),
      }),
    )
  }

  // Data sources and integrations.
  for (const [name, type, health] of [
    ['Epic EHR', 'fhir', 'healthy'],
    ['Billing export', 'file_drop', 'degraded'],
  ] as const) {
    s.dataSources.put(
      s.seed('DataSourceResponse', {
        id: r.uuid(),
        workspace_id: ws,
        name,
        display_name: name,
        source_type: type,
        health_status: health,
        is_active: true,
        is_stale: false,
        last_sync_at: iso(t0 - 3_600_000),
        last_sync_status: 'success',
        last_sync_event_count: r.int(10, 500),
        last_health_check: iso(t0 - 600_000),
        sync_strategy: 'scheduled',
        sync_schedule: '*/15 * * * *',
        connection_config: {},
        field_mappings: {},
        entity_types: ['patient'],
        discovered_by: null,
        created_at: iso(t0 - 120 * DAY),
        updated_at: iso(t0 - DAY),
      }),
    )
  }
  s.integrations.put(
    s.seed('IntegrationResponse', {
      id: r.uuid(),
      workspace_id: ws,
      name: 'maps',
      display_name: 'Maps',
      protocol: 'rest',
      enabled: true,
      base_url: 'https://maps.example.com',
      builtin: false,
      created_at: iso(t0 - 50 * DAY),
      updated_at: iso(t0 - 50 * DAY),
    }),
  )

  // Functions.
  for (const name of ['my-function', 'patient_lookup']) {
    s.functions.put(
      s.seed('FunctionDef', {
        name,
        description: `Function ${name}`,
        catalog: 'workspace',
        schema: 'custom',
        function_type: 'sql',
        enabled: true,
        returns_table: true,
        input_schema: { type: 'object', properties: { query: { type: 'string' } } },
      }),
    )
  }

  // Custom data rows used by workspace data queries (`custom.<table>`).
  s.customTables.set('orders', [
    { id: 1, status: 'open', total: 120.5, customer: 'Jane Doe' },
    { id: 2, status: 'shipped', total: 75, customer: 'John Smith' },
    { id: 3, status: 'open', total: 42.25, customer: 'Maria Garcia' },
  ])
}
