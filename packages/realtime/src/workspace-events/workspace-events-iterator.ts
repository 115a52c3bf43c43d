import type { WorkspaceEvent } from '../event-types'
import { linkedController } from './linked-controller'
import { validateStreamOptions } from './validate-stream-options'
import { workspaceEventLoop } from './workspace-event-loop'
import type { DeliveredWorkspaceEvent, WorkspaceEventStreamOptions } from './workspace-events-options'

/** The async-iterator form of a workspace event stream. */
export interface WorkspaceEventIterator extends AsyncIterableIterator<WorkspaceEvent> {
  /** The id of the newest event yielded so far (persist it to resume later with `lastEventId`). */
  readonly lastEventId: string | undefined
  /** Stops the stream and closes the connection (what `break` does). */
  close(): Promise<void>
}

/**
 * Workspace events for `for await`. Pull-based: while the loop body runs, the connection is not read,
 * so a slow consumer applies backpressure instead of growing a buffer. `break` (or `close()`, or the
 * `signal`) closes the connection; a terminal failure is thrown from the loop (`WorkspaceEventStreamError`,
 * or the `AmigoError` of a refused connect). Throws `ConfigurationError` at once for unusable options.
 */
export function workspaceEvents(options: WorkspaceEventStreamOptions): WorkspaceEventIterator {
  validateStreamOptions(options)
  const { controller, dispose } = linkedController(options.signal)
  const loop = workspaceEventLoop(options, controller.signal)
  let lastEventId = options.lastEventId
  // Events of the current batch not yet handed out (the loop yields one batch per network chunk).
  let buffered: DeliveredWorkspaceEvent[] = []
  let index = 0

  const finish = async (): Promise<IteratorReturnResult<undefined>> => {
    dispose()
    await loop.return(undefined).catch(() => {})
    return { done: true, value: undefined }
  }

  return {
    async next(): Promise<IteratorResult<WorkspaceEvent, undefined>> {
      // After close(), break or an abort, nothing more is handed out, not even the rest of a batch.
      if (controller.signal.aborted) return finish()
      while (index >= buffered.length) {
        let step: IteratorResult<DeliveredWorkspaceEvent[], void>
        try {
          step = await loop.next()
        } catch (error) {
          await finish()
          throw error
        }
        if (step.done) return finish()
        buffered = step.value
        index = 0
      }
      const { event, id } = buffered[index++]!
      if (id !== undefined) lastEventId = id
      return { done: false, value: event }
    },
    return: finish,
    async close() {
      await finish()
    },
    get lastEventId() {
      return lastEventId
    },
    [Symbol.asyncIterator]() {
      return this
    },
  }
}
