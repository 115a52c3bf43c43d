// How a resource built the single-package SDK's way (`new AgentsResource(openapiFetchClient,
// workspaceId)`) gets its context. The adapter is installed by the resource classes the main entry
// exports (src/official-client.ts, ./official-form.js), so a bundle has it exactly when the app
// imports a resource class from `@amigo-ai/platform-sdk`. Anywhere else (the lite entry, a class
// reached through an `AmigoClient`'s resources in a bundle without the adapter) such a resource is
// refused, saying where the form is available.
import { ConfigurationError } from '@amigo-ai/core'
import type { ResourceContext } from './base'

/** Builds the context of a resource from an openapi-fetch client, a workspace id and an agent origin. */
export type OfficialClientContext = (
  client: unknown,
  workspaceId: string,
  agentBaseUrl: unknown,
) => ResourceContext

let installed: OfficialClientContext = () => {
  throw new ConfigurationError(
    'an openapi-fetch client needs a resource class imported from @amigo-ai/platform-sdk (lite: createAmigo(config))',
  )
}

/** Installs the openapi-fetch adapter. */
export function installOfficialClientForm(build: OfficialClientContext): void {
  installed = build
}

/** The context of a resource built from an openapi-fetch client, as the installed answer builds it. */
export function officialClientContext(
  client: unknown,
  workspaceId: string,
  agentBaseUrl: unknown,
): ResourceContext {
  return installed(client, workspaceId, agentBaseUrl)
}
