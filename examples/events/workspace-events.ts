// Workspace events: listen to the live event stream for a moment while something happens
// in the workspace (a form is created, an automation fires).
import { AmigoClient, isWorkspaceEventStreamError, type WorkspaceEvent } from '@amigo-ai/platform-sdk'
import { type ExampleEnv, runExample } from '../_shared/connect'

export async function main(env: ExampleEnv, watchMs = 1_500) {
  const client = new AmigoClient(env)
  const received: WorkspaceEvent[] = []

  // The subscription reports no "connected" moment, so a wrapped fetch tells us when the stream's
  // response has arrived: events caused before that would not be delivered to this subscriber.
  let streamOpen!: () => void
  const opened = new Promise<void>((resolve) => {
    streamOpen = resolve
  })
  const handle = client.events.subscribeToWorkspace({
    fetch: async (input, init) => {
      const response = await fetch(input, init)
      streamOpen()
      return response
    },
    onEvent: (event) => {
      received.push(event)
      console.log(`event: ${describe(event)}`)
    },
    onError: (err) => {
      // Terminal errors only: transient drops are retried and resumed without losing events.
      if (isWorkspaceEventStreamError(err)) console.error(`stream ended: ${err.code}`)
      else console.error('stream ended:', err)
    },
    onReconnect: (attempt) => console.warn(`reconnecting (#${attempt})`),
  })

  await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, 5_000).unref())])
  console.log(`watching workspace ${env.workspaceId} for ${watchMs} ms`)

  if (env.mock) await makeSomethingHappen(client)
  else console.log('(against a real workspace this only watches; nothing is created)')

  await new Promise((resolve) => setTimeout(resolve, watchMs))
  handle.unsubscribe()
  await handle.done // the connection is closed once this resolves
  console.log(`received ${received.length} events; resume later from id ${handle.lastEventId ?? '(none)'}`)
  return { types: received.map((e) => e.event_type), lastEventId: handle.lastEventId }
}

/** One line for an event; the switch narrows `event` to its type, so its own fields are typed. */
function describe(event: WorkspaceEvent): string {
  switch (event.event_type) {
    case 'surface.created':
      return `form ${event.surface_id} created`
    case 'trigger.fired':
    case 'trigger.completed':
      return `${event.event_type} (${event.trigger_id})`
    default:
      return event.event_type
  }
}

/** Against the mock: a form for a patient, and a manual automation run. */
async function makeSomethingHappen(client: AmigoClient) {
  const { entities } = await client.world.listEntities({ entity_type: ['patient'], limit: 1 })
  if (entities[0]) {
    await client.surfaces.create({
      entity_id: entities[0].id,
      title: 'Follow-up questions',
      fields: [{ key: 'feeling', label: 'How are you feeling?', field_type: 'text' }],
    })
  }
  const { items: triggers } = await client.triggers.list({ limit: 1 })
  if (triggers[0]) await client.triggers.fire(triggers[0].id)
}

await runExample(import.meta.url, main)
