/** An AbortController that also aborts (with the same reason) when the caller's signal does. */
export interface LinkedController {
  controller: AbortController
  /** Aborts and stops listening to the caller's signal, so a long-lived signal keeps no listener. */
  dispose(): void
}

/** Links a fresh controller to the caller's optional signal; the stream owns the controller. */
export function linkedController(outer: AbortSignal | undefined): LinkedController {
  const controller = new AbortController()
  const onOuterAbort = () => controller.abort(outer?.reason)
  if (outer?.aborted) controller.abort(outer.reason)
  else outer?.addEventListener('abort', onOuterAbort)
  return {
    controller,
    dispose() {
      outer?.removeEventListener('abort', onOuterAbort)
      controller.abort()
    },
  }
}
