// A browser dashboard whose only dependency is @amigo-ai/realtime: it subscribes to the workspace
// event stream and renders each event as a list item. Bundled for the browser by the rehearsal;
// the page's config (stream origin, workspace, token) comes from the server that serves it.
// Handshake with that server so nothing depends on timing: subscribe, ask it to begin warm-up
// events, and once one arrives ask for the real ones (see scripts/runtimes/platform.mjs).
import { subscribeToWorkspaceEvents } from '@amigo-ai/realtime'

const config = globalThis.__DASHBOARD_CONFIG
const list = document.getElementById('events')
let warmedUp = false

const post = (path) => fetch(path, { method: 'POST' })
const subscription = subscribeToWorkspaceEvents({
  baseUrl: location.origin,
  workspaceId: config.workspaceId,
  token: config.token,
  onEvent(event) {
    if (event.event_type === config.warmupType) {
      if (!warmedUp) post('/control/ready')
      warmedUp = true
      return
    }
    const li = document.createElement('li')
    li.dataset.type = event.event_type
    li.textContent = `${event.event_type} ${event.call_sid ?? event.operator_id ?? ''}`
    list.append(li)
    if (list.children.length === config.expected) {
      subscription.unsubscribe()
      document.body.dataset.done = 'events'
    }
  },
  onError(err) {
    document.body.dataset.done = `error: ${err?.name}: ${err?.message}`
  },
})
post('/control/begin')
