// How a resource built the single-package SDK's way (`new AgentsResource(openapiFetchClient,
// workspaceId)`) gets its context. Each entry installs its own answer, for its effect (package.json
// lists both in `sideEffects`): the main entry the openapi-fetch adapter (src/official-client.ts,
// ./official-client-transport.ts), `@amigo-ai/platform-sdk/lite` a refusal saying where the adapter
// lives (src/lite-official-client.ts). So a lite bundle carries none of the adapter, and a main-entry
// bundle none of the refusal; an app loading both entries gets the adapter, whichever loads first.
import type { ResourceContext } from './base'

/** Builds the context of a resource from an openapi-fetch client, a workspace id and an agent origin. */
export type OfficialClientContext = (
  client: unknown,
  workspaceId: string,
  agentBaseUrl: unknown,
) => ResourceContext

let installed: OfficialClientContext | undefined

/** Installs the entry's answer; a `fallback` (the lite entry's refusal) never replaces the adapter. */
export function installOfficialClientForm(build: OfficialClientContext, fallback = false): void {
  if (!fallback || !installed) installed = build
}

/** The context of a resource built from an openapi-fetch client, as the loaded entry builds it. */
export function officialClientContext(
  client: unknown,
  workspaceId: string,
  agentBaseUrl: unknown,
): ResourceContext {
  return (installed as OfficialClientContext)(client, workspaceId, agentBaseUrl)
}
