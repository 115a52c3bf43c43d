import { type AmigoError, ConfigurationError } from '@amigo-ai/core'
import { callUserCallback } from '../callbacks/call-user-callback'
import type { WorkspaceEvent } from '../event-types'
import { linkedController } from './linked-controller'
import { validateStreamOptions } from './validate-stream-options'
import { workspaceEventLoop } from './workspace-event-loop'
import type { WorkspaceEventMeta, WorkspaceEventStreamOptions } from './workspace-events-options'

/** Options for {@link subscribeToWorkspaceEvents}. */
export interface SubscribeToWorkspaceEventsOptions extends WorkspaceEventStreamOptions {
  /**
   * Receives every event once, in order. If it returns a promise, the next event waits for it (and
   * the stream is not read meanwhile). If it throws (or its promise rejects), the error is reported
   * with `console.error` and the stream goes on with the next event.
   */
  // `unknown`, not `void | Promise<void>`: a callback such as `(e) => list.push(e)` (a number) must fit.
  onEvent: (event: WorkspaceEvent, meta: WorkspaceEventMeta) => unknown
  /**
   * Called at most once, with the terminal error: a `WorkspaceEventStreamError` (`too_many_streams`,
   * `transport_exhausted`), or the `AuthenticationError` / `PermissionError` / other `AmigoError` of a
   * refused connect. Not called when the caller stops the stream.
   */
  onError?: (error: AmigoError) => void
}

/** A running subscription: stop it, and learn when it has stopped. */
export interface SubscriptionHandle {
  /** Resolves when the subscription has ended, for any reason; never rejects. */
  done: Promise<void>
  /** Stops the stream (idempotent); `done` resolves once the connection is closed. */
  unsubscribe(): void
}

/** Handle of a running workspace event subscription. */
export interface WorkspaceEventSubscription extends SubscriptionHandle {
  /** The newest event id delivered that the stream can resume from (persist it to resume later with `lastEventId`). */
  readonly lastEventId: string | undefined
}

/**
 * Streams a workspace's events (`GET /v1/{workspace_id}/events/stream`) to `onEvent`, reconnecting
 * with backoff and resuming from the last event id so nothing is lost or repeated.
 * Throws `ConfigurationError` synchronously for unusable options.
 */
export function subscribeToWorkspaceEvents(
  options: SubscribeToWorkspaceEventsOptions,
): WorkspaceEventSubscription {
  validateStreamOptions(options)
  if (typeof options.onEvent !== 'function') throw new ConfigurationError('onEvent must be a function')
  const { controller, dispose } = linkedController(options.signal)

  const loop = workspaceEventLoop(options, controller.signal)
  let lastEventId = options.lastEventId

  const run = async () => {
    try {
      for (let step = await loop.next(); !step.done; step = await loop.next()) {
        for (const { event, id } of step.value) {
          // unsubscribe() from inside onEvent stops delivery at once, even mid-batch.
          if (controller.signal.aborted) return
          if (id !== undefined) lastEventId = id
          // Only a returned promise is awaited: a microtask per event is measurable at high rates.
          const pending = callUserCallback('onEvent', options.onEvent, event, { id })
          if (pending) await pending
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) callUserCallback('onError', options.onError, error as AmigoError)
    } finally {
      dispose()
      await loop.return(undefined).catch(() => {})
    }
  }

  return {
    unsubscribe: () => controller.abort(),
    done: run(),
    get lastEventId() {
      return lastEventId
    },
  }
}
