import type { ApiKeyRow, WorkspaceRow } from '../rows'
import { DAY, iso } from '../time'
import type { SampleContext } from './context'

/** The sample workspace, two more the same user can pick, and the admin API key of the first. */
export function sampleWorkspaces(
  { random: r, epoch: t0, workspaceId: ws, row }: SampleContext,
  apiKey: string,
): { workspaces: WorkspaceRow[]; apiKeys: ApiKeyRow[] } {
  const workspace = (name: string, slug: string, id = r.uuid()) =>
    row<WorkspaceRow>('WorkspaceResponse', {
      id,
      name,
      slug,
      environment: 'production',
      region: 'us-east-1',
      created_at: iso(t0 - 200 * DAY),
      updated_at: iso(t0 - 10 * DAY),
      provisioned_at: iso(t0 - 199 * DAY),
      backend_org_id: null,
      connector_type: null,
    })
  const workspaces = [
    workspace('Acme Health', 'acme-health', ws),
    workspace('Acme Health Staging', 'acme-health-staging'),
    workspace('Acme Research', 'acme-research'),
  ]
  const adminKey = row<ApiKeyRow>('ApiKeyResponse', {
    id: r.uuid(),
    key_id: apiKey.slice(0, 17),
    name: 'mock admin key',
    role: 'owner',
    permissions: ['*'],
    workspace_id: ws,
    created_at: iso(t0 - 30 * DAY),
    updated_at: iso(t0 - 30 * DAY),
    expires_at: iso(t0 + 365 * DAY),
    last_used_at: null,
    created_by_credential_id: null,
    created_by_entity_id: null,
  })
  return { workspaces, apiKeys: [adminKey] }
}
