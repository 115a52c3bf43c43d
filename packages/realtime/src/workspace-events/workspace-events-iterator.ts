import type { WorkspaceEvent } from '../event-types'
import { linkedController } from './linked-controller'
import { validateStreamOptions } from './validate-stream-options'
import { workspaceEventLoop } from './workspace-event-loop'
import type { DeliveredWorkspaceEvent, WorkspaceEventStreamOptions } from './workspace-events-options'

/** The async-iterator form of a workspace event stream. */
export interface WorkspaceEventIterator extends AsyncIterableIterator<WorkspaceEvent> {
  /** The newest event id yielded so far that the stream can resume from (persist it to resume later with `lastEventId`). */
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

  // Calls to next() run one after another, as an async generator's do: one overlapping the previous
  // would otherwise read a batch of its own, and the rest of the current batch would be lost. Only
  // an overlapping call waits on the one before (`for await` never overlaps, and pays nothing).
  let unsettled = 0
  let last: Promise<IteratorResult<WorkspaceEvent, undefined>> | undefined
  const step = async (): Promise<IteratorResult<WorkspaceEvent, undefined>> => {
    try {
      // After close(), break or an abort, nothing more is handed out, not even the rest of a batch.
      if (controller.signal.aborted) return await finish()
      while (index >= buffered.length) {
        let batch: IteratorResult<DeliveredWorkspaceEvent[], void>
        try {
          batch = await loop.next()
        } catch (error) {
          await finish()
          throw error
        }
        if (batch.done) return await finish()
        buffered = batch.value
        index = 0
      }
      const { event, id } = buffered[index++]!
      if (id !== undefined) lastEventId = id
      return { done: false, value: event }
    } finally {
      unsettled--
    }
  }

  return {
    next() {
      last = unsettled++ === 0 ? step() : (last as Promise<unknown>).then(step, step)
      return last
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
