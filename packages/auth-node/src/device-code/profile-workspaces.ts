import { getWithBearer } from '../identity/identity-request'
import { identityUrl } from '../identity/identity-url'
import { parseWorkspaces } from './parse-workspaces'
import type { WorkspaceChoice } from './types'

/**
 * Lists the signed-in user's workspaces from `GET /self/profile`, falling back to `GET /self`
 * on older identity deployments. Returns an empty list when neither answers with one.
 */
export async function fetchProfileWorkspaces(
  identityBaseUrl: string,
  accessToken: string,
  init: { fetch?: typeof fetch; signal?: AbortSignal; timeoutMs?: number },
): Promise<WorkspaceChoice[]> {
  for (const route of ['/self/profile', '/self']) {
    const res = await getWithBearer(identityUrl(identityBaseUrl, route), { ...init, bearer: accessToken })
    if (res.status === 200) {
      const list = parseWorkspaces(res.body)
      if (list.length > 0) return list
    }
  }
  return []
}
