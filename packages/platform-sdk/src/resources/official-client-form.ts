// How a resource built the single-package SDK's way (`new AgentsResource(openapiFetchClient,
// workspaceId)`) gets its context. The openapi-fetch adapter (./official-client-transport.ts) is
// installed by the main entry (src/official-client.ts, which package.json lists in `sideEffects`);
// `@amigo-ai/platform-sdk/lite` never installs it, so a lite bundle carries none of it and refuses
// that form with an error saying where it lives.
import { ConfigurationError } from '@amigo-ai/core'
import type { ResourceContext } from './base'

/** Builds the context of a resource from an openapi-fetch client, a workspace id and an agent origin. */
export type OfficialClientContext = (
  client: unknown,
  workspaceId: string,
  agentBaseUrl: unknown,
) => ResourceContext

let installed: OfficialClientContext | undefined

/** Installs the adapter (the main entry does, once). */
export function installOfficialClientForm(build: OfficialClientContext): void {
  installed = build
}

/** The context of a resource built from an openapi-fetch client, once the main entry has loaded. */
export function officialClientContext(
  client: unknown,
  workspaceId: string,
  agentBaseUrl: unknown,
): ResourceContext {
  if (!installed)
    throw new ConfigurationError(
      'an openapi-fetch client needs the main entry, @amigo-ai/platform-sdk (lite: createAmigo(config))',
    )
  return installed(client, workspaceId, agentBaseUrl)
}
