import { conflict, type MockCore, type Registry } from '../http/types'
import { crud, flagMatches } from './crud'

/** Actions (the `/skills` endpoints) and `test`. */
export function registerSkills(reg: Registry, core: MockCore): void {
  const { store } = core
  const findSkill = crud(reg, core, {
    base: '/v1/{workspace_id}/skills',
    idParam: 'skill_id',
    table: store.skills,
    schema: 'SkillResponse',
    label: 'Skill',
    filter: (r, q) =>
      flagMatches(r.enabled, q.enabled) &&
      (!q.execution_tier || r.execution_tier === q.execution_tier) &&
      (!q.search || `${r.name} ${r.slug}`.toLowerCase().includes(String(q.search).toLowerCase())),
    create: (ctx) => {
      if (
        store.skills.list((s) => s.slug === ctx.body.slug && s.workspace_id === ctx.path.workspace_id).length
      )
        throw conflict('An action with this slug already exists')
      return { version: 1, enabled: ctx.body.enabled ?? true }
    },
  })
  reg.on('POST', '/v1/{workspace_id}/skills/{skill_id}/test', (ctx) => {
    const skill = findSkill(ctx)
    const input = ctx.body.input ?? {}
    const required: string[] = skill.input_schema?.required ?? []
    const missing = required.filter((k) => !(k in input))
    const result = missing.length ? '' : JSON.stringify({ ok: true, action: skill.slug, echo: input })
    return {
      body: {
        result,
        error: missing.length ? `missing input: ${missing.join(', ')}` : null,
        duration_ms: 42,
        input_tokens: 120,
        output_tokens: 24,
        cached_tokens: 0,
        rounds: 1,
        sub_tool_logs: [],
      },
    }
  })
}
