// External-user chat: a customer backend lets one of ITS users chat with a service, without making
// that user a workspace member. Admin setup once, then the runtime sequence per end user.
import {
  AmigoClient,
  EXTERNAL_USER_SESSION_CREATE_SCOPE,
  isAuthenticationError,
  isPermissionError,
} from '@amigo-ai/platform-sdk'
import { type ExampleEnv, runExample } from '../_shared/connect'

export async function main(env: ExampleEnv) {
  const admin = new AmigoClient(env)
  const { items: services } = await admin.services.list({ limit: 1 })
  const serviceId = services[0]?.id
  if (!serviceId) {
    console.log('no service in this workspace to chat with')
    return { skipped: true as const }
  }
  const { integration, credential } = await setUpIntegration(admin, serviceId)
  // The customer backend is a client of its own: it holds only the integration's credential.
  const backend = new AmigoClient(env)
  const session = await mintSession(backend, credential, serviceId)
  const { conversationId, listing } = await chatAsEndUser(env, session.access_token, serviceId)

  // Before the access token expires, the backend rotates the refresh token for a new pair.
  // Each refresh token works once; reusing an old one is treated as theft and fails for good.
  const refreshed = await backend.tokens.refresh({
    refreshToken: session.refresh_token!,
    workspaceId: env.workspaceId,
  })
  console.log(`refreshed: new token expires in ${refreshed.expires_in}s`)

  await admin.externalIntegrations.delete(integration.id)
  return {
    conversationId,
    listing,
    rotated: refreshed.refresh_token !== undefined && refreshed.refresh_token !== session.refresh_token,
  }
}

/** One-time setup (admin): an integration and a credential limited to one service. */
async function setUpIntegration(admin: AmigoClient, serviceId: string) {
  const integration = await admin.externalIntegrations.create({
    name: `customer-portal-${Date.now()}`,
    display_name: 'Customer Portal',
    description: 'Backend that mints external-user chat sessions',
  })
  const { client_secret, credential } = await admin.externalIntegrations.createCredential(integration.id, {
    name: 'example backend',
    service_ids: [serviceId],
  })
  // The secret is shown only in this answer: a real backend stores it in its secrets manager now.
  console.log(`integration ${integration.name}: credential ${credential.client_id}`)
  return { integration, credential: { clientId: credential.client_id, clientSecret: client_secret } }
}

/** Runtime (customer backend): a parent token, then a short-lived session for one end user. */
async function mintSession(
  backend: AmigoClient,
  credential: { clientId: string; clientSecret: string },
  serviceId: string,
) {
  const parent = await backend.tokens.exchangeClientCredentials({
    ...credential,
    scope: EXTERNAL_USER_SESSION_CREATE_SCOPE,
  })
  const session = await backend.tokens.createExternalUserSession({
    parentAccessToken: parent.access_token,
    externalSubjectKey: 'customer-user-123',
    subjectType: 'user',
    serviceId,
    ttlSeconds: 1800,
  })
  console.log(`session for customer-user-123, expires in ${session.expires_in}s`)
  return session
}

/** The end user's client: it may only work with its own conversation on that one service. */
async function chatAsEndUser(env: ExampleEnv, accessToken: string, serviceId: string) {
  const externalUser = new AmigoClient({ ...env, apiKey: accessToken })
  const conversation = await externalUser.conversations.create({ service_id: serviceId })
  const turn = await externalUser.conversations.createTurn(conversation.id, {
    message: 'Hello, I need help scheduling',
  })
  console.log(`agent: ${turn.output.map((part) => part.text).join(' ')}`)

  // Listing the workspace's conversations is outside what an external-user token may do.
  let listing = 'allowed'
  try {
    await externalUser.conversations.list()
  } catch (err) {
    if (!isPermissionError(err) && !isAuthenticationError(err)) throw err
    listing = `refused (${err.status})`
  }
  console.log(`listing workspace conversations with the user token: ${listing}`)
  await externalUser.conversations.close(conversation.id)
  return { conversationId: conversation.id, listing }
}

await runExample(import.meta.url, main)
