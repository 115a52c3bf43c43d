// Surfaces: create a patient form, deliver it, then fill it in as the patient would, through the
// public token routes, which take no API key.
import { AmigoClient, type paths } from '@amigo-ai/platform-sdk'
import createFetchClient from 'openapi-fetch'
import { type ExampleEnv, runExample } from '../_shared/connect'

export async function main(env: ExampleEnv) {
  const client = new AmigoClient(env)

  // A form belongs to a world entity (here: the first patient found).
  const { entities } = await client.world.listEntities({ entity_type: ['patient'], limit: 1 })
  const patient = entities[0]
  if (!patient) {
    console.log('no patient entity in this workspace; nothing to send a form to')
    return { skipped: true as const }
  }

  // The typed low-level helper: path and body are checked against the spec at compile time.
  const { data: surface } = await client.POST('/v1/{workspace_id}/surfaces', {
    body: {
      entity_id: patient.id,
      title: 'New Patient Intake',
      channel: 'sms',
      fields: [
        { key: 'full_name', label: 'Full Name', field_type: 'text', required: true },
        { key: 'date_of_birth', label: 'Date of Birth', field_type: 'date', required: true },
        {
          key: 'allergies',
          label: 'Allergies',
          field_type: 'multiselect',
          options: ['Penicillin', 'Sulfa', 'None'],
        },
      ],
    },
  })
  console.log(`created form ${surface.id} for ${patient.display_name}: ${surface.url}`)

  // The resource method does the same as client.POST on the deliver route, with less ceremony.
  const delivery = await client.surfaces.deliver(surface.id, { channel_address: '+15551234567' })
  console.log(`delivered by ${delivery.channel} to ${delivery.channel_address} (${delivery.status})`)

  const fields = await fillInAsPatient(env.baseUrl, surface)

  const after = await client.surfaces.get(surface.id)
  console.log(`form status is now "${after.status}"`)
  return { surfaceId: surface.id, status: after.status, fields }
}

/**
 * The patient's side: no API key, only the token from the link. openapi-fetch with the SDK's `paths`
 * type keeps these unauthenticated calls fully typed. Returns how many fields the form had.
 */
async function fillInAsPatient(baseUrl: string, surface: { token?: string | null; url?: string | null }) {
  const publicApi = createFetchClient<paths>({ baseUrl })
  // The token is the last segment of the patient link; the create answer also returns it on its own.
  const token = surface.token ?? surface.url?.split('/').pop()
  if (!token) throw new Error('the create answer carried no link token')
  const spec = await publicApi.GET('/s/{token}/spec', { params: { path: { token } } })
  if (!spec.data) throw new Error(`could not open the form (HTTP ${spec.response.status})`)
  const fields = spec.data.spec.fields ?? []
  console.log(`patient sees "${spec.data.spec.title}" with fields: ${fields.map((f) => f.key).join(', ')}`)

  // Answers are saved field by field (as a form UI would autosave), then submitted.
  const answers: Record<string, unknown> = {
    full_name: 'Jane Doe',
    date_of_birth: '1990-04-12',
    allergies: ['Penicillin'],
  }
  for (const [key, value] of Object.entries(answers)) {
    const saved = await publicApi.PUT('/s/{token}/fields/{key}', {
      params: { path: { token, key } },
      body: { value },
    })
    if (!saved.response.ok) throw new Error(`saving ${key} failed (HTTP ${saved.response.status})`)
  }
  const submitted = await publicApi.POST('/s/{token}/submit', { params: { path: { token } } })
  if (!submitted.response.ok) throw new Error(`submit failed (HTTP ${submitted.response.status})`)
  return fields.length
}

await runExample(import.meta.url, main)
