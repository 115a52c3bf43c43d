// One-line summaries for operations that have none, derived from the operationId. FastAPI-style ids
// (`name_v1__workspace_id__path_get`) carry the path and method as a suffix; we cut it off first.

/** Strip the `_<path>_<method>` suffix FastAPI appends to a function name. */
function baseName(operationId, method, path) {
  const suffix = `${path.replace(/[^0-9A-Za-z_]/g, '_')}_${method}`
  return operationId.endsWith(suffix) ? operationId.slice(0, -suffix.length) : operationId
}

/** A short summary in our own words, e.g. `list-agents` on a workspace path → "List agents in the workspace". */
export function summarise(operationId, method, path) {
  const words = baseName(operationId, method, path)
    .split(/[-_\s]+/)
    .filter(Boolean)
  if (!words.length) return `${method.toUpperCase()} ${path}`
  const text = words.join(' ')
  let sentence = text.charAt(0).toUpperCase() + text.slice(1)
  if (path.includes('{workspace_id}') && /^list /i.test(sentence) && !/workspace/i.test(sentence)) {
    sentence += ' in the workspace'
  }
  return sentence
}
