import type { AmigoClient } from '@amigo-ai/platform-sdk'
declare const client: AmigoClient
// The README shows an import and then one property of the subscribe options object. An import cannot
// sit inside an object literal, so the fixture keeps the import first and puts the property in a call.
// ---- example ----
import { isWorkspaceEventStreamError } from '@amigo-ai/platform-sdk'
// ---- end of example (the property below is the rest of the sample, unchanged) ----
client.events.subscribeToWorkspace({
  onEvent: () => {},
// ---- example ----
onError: (err) => {
  if (isWorkspaceEventStreamError(err)) {
    if (err.code === 'too_many_streams') {
      // workspace has too many open streams; close another tab
    } else if (err.retryable) {
      // SDK already retried up to maxReconnects; safe to try again later
    }
  }
}
// ---- end of example ----
})
