// Handles returned at once by the synchronous realtime methods (`events.subscribeToWorkspace`,
// `observers.subscribe`) while `@amigo-ai/realtime` loads. The stream starts once it has loaded,
// unless the handle was stopped first. Anything that goes wrong before the stream exists (bad options,
// the module not loadable) reaches `onError`, as a failure of the stream itself would; `done` still
// never rejects.
import { type AmigoError, ConfigurationError, isAmigoError } from '@amigo-ai/core'
import type {
  CallObservation,
  ObserveCallOptions,
  ReconnectingWebSocketError,
  SubscribeToWorkspaceEventsOptions,
  WorkspaceEventSubscription,
} from '@amigo-ai/realtime'
import type { RealtimeModule } from './load-realtime'

const report = <E>(onError: ((error: E) => void) | undefined, error: E) => {
  try {
    onError?.(error)
  } catch {
    // A throwing onError must not break `done`.
  }
}

/** A workspace event subscription that starts when realtime has loaded. */
export function deferredSubscription(
  realtime: Promise<RealtimeModule>,
  options: SubscribeToWorkspaceEventsOptions,
): WorkspaceEventSubscription {
  let subscription: WorkspaceEventSubscription | undefined
  let stopped = false
  const done = realtime
    .then(async (rt) => {
      if (stopped) return
      subscription = rt.subscribeToWorkspaceEvents(options)
      await subscription.done
    })
    .catch((error: unknown) => report(options.onError, asAmigoError(error)))
  return {
    unsubscribe() {
      stopped = true
      subscription?.unsubscribe()
    },
    done,
    get lastEventId() {
      return subscription?.lastEventId ?? options.lastEventId
    },
  }
}

/** Anything thrown before the stream exists, as the AmigoError `onError` takes. */
const asAmigoError = (error: unknown): AmigoError =>
  isAmigoError(error)
    ? error
    : new ConfigurationError(error instanceof Error ? error.message : String(error), { cause: error })

/** Options refused before connecting become the `open_failed` error realtime reports for a socket it cannot open. */
function openFailed(rt: RealtimeModule | undefined, error: unknown): ReconnectingWebSocketError {
  const message = error instanceof Error ? error.message : String(error)
  if (rt) return new rt.ReconnectingWebSocketError(message, { reason: 'open_failed', cause: error })
  // Realtime itself could not be loaded, so neither could its error class: the error saying why
  // carries the fields an onError handler reads.
  const base = error instanceof Error ? error : new ConfigurationError(message)
  return Object.assign(base as ReconnectingWebSocketError, { reason: 'open_failed' as const, attempts: 0 })
}

/** A call observation that starts when realtime has loaded. */
export function deferredObservation(
  realtime: Promise<RealtimeModule>,
  options: ObserveCallOptions,
): CallObservation {
  let observation: CallObservation | undefined
  let closed = false
  let failed = false
  let loaded: RealtimeModule | undefined
  const done = realtime
    .then(async (rt) => {
      loaded = rt
      if (closed) return
      observation = rt.observeCall(options)
      await observation.done
    })
    .catch((error: unknown) => {
      failed = true
      report(options.onError, openFailed(loaded, error))
    })
  return {
    close() {
      closed = true
      observation?.close()
    },
    get state() {
      return observation?.state ?? (failed ? 'terminal' : closed ? 'closed' : 'connecting')
    },
    send(data) {
      if (!observation) throw new ConfigurationError('Cannot send: the WebSocket is not open yet')
      observation.send(data)
    },
    done,
  }
}
