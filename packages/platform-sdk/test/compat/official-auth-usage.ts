// Type-level compatibility: sign-in code shaped the way programs written for the official SDK 0.46
// use its auth exports. Never run; it only has to compile (the workspace typecheck in the test
// command includes this folder), so a change that would break such programs fails the build.
import {
  AmigoClient,
  AmigoError,
  type AuthResult,
  DeviceCodeDeniedError,
  DeviceCodeExpiredError,
  type DeviceCodeIssuance,
  type DeviceCodeLoginOptions,
  type DeviceCodeStatus,
  FileTokenStorage,
  formatDeviceCodeInstructions,
  formatDeviceCodeLink,
  formatWorkspaceList,
  type IdentityTokenResponse,
  LoginCancelledError,
  loginWithDeviceCode,
  MemoryTokenStorage,
  type MultiWorkspaceResponse,
  openBrowser,
  RefreshTokenExpiredError,
  type StoredCredentials,
  TokenManager,
  type TokenManagerConfig,
  type TokenStorage,
  type WorkspaceChoice,
} from '../../src/index'

/** A storage implementing exactly the official contract. */
class KeychainStorage implements TokenStorage {
  #saved: StoredCredentials | null = null
  async load(): Promise<StoredCredentials | null> {
    return this.#saved
  }
  async save(credentials: StoredCredentials): Promise<void> {
    this.#saved = credentials
  }
  async clear(): Promise<void> {
    this.#saved = null
  }
}

class AppCancelled extends LoginCancelledError {}

export async function officialShapedSignIn(pick: (list: string) => Promise<number>): Promise<AmigoClient> {
  const onStatus = (status: DeviceCodeStatus): void => {
    if (status === 'authorization_pending' || status === 'slow_down') process.stdout.write('.')
  }
  const options: DeviceCodeLoginOptions = {
    identityBaseUrl: 'https://identity.example',
    clientDescription: 'my tool',
    scope: 'openid',
    workspaceId: undefined,
    signal: new AbortController().signal,
    fetch: globalThis.fetch,
    onCode: async (issuance: DeviceCodeIssuance) => {
      console.log(formatDeviceCodeInstructions(issuance), formatDeviceCodeLink(issuance))
      const opened: boolean = await openBrowser(issuance.verification_uri_complete)
      if (!opened) console.log(issuance.verification_uri)
    },
    onStatus,
    onWorkspaceRequired: async (workspaces: WorkspaceChoice[]): Promise<string> => {
      const n = await pick(formatWorkspaceList(workspaces))
      return workspaces[n - 1]?.workspace_id ?? ''
    },
  }
  let result: AuthResult
  try {
    result = await loginWithDeviceCode(options)
  } catch (error) {
    if (error instanceof DeviceCodeExpiredError || error instanceof DeviceCodeDeniedError) throw error
    if (error instanceof LoginCancelledError) throw new AppCancelled()
    throw error instanceof AmigoError ? error : new DeviceCodeDeniedError(String(error))
  }
  const expires: Date = new Date(result.expiresAt * 1000)
  const refresh: string = result.refreshToken
  const scope: string | undefined = result.scope
  console.log(expires, refresh.length, scope)

  const config: TokenManagerConfig = {
    storage: new KeychainStorage(),
    identityBaseUrl: 'https://identity.example',
  }
  const tokens = new TokenManager(config)
  await tokens.store(result)
  const auth: { token: string; workspaceId: string } | null = await tokens.getAccessToken()
  const signedIn: boolean = await tokens.hasCredentials()
  if (!auth || !signedIn) {
    await tokens.clear()
    throw new RefreshTokenExpiredError()
  }
  return new AmigoClient({ apiKey: auth.token, workspaceId: auth.workspaceId })
}

export function officialShapedStorages(): TokenStorage[] {
  const creds: StoredCredentials = { access_token: 'a', refresh_token: 'r', workspace_id: 'w', expires_at: 1 }
  const withExtras: StoredCredentials = {
    ...creds,
    scope: 's',
    identity_base_url: 'https://identity.example',
  }
  const token: IdentityTokenResponse = {
    access_token: 'a',
    token_type: 'Bearer',
    expires_in: 900,
    scope: 's',
  }
  const multi: MultiWorkspaceResponse = {
    error: 'workspace_selection_required',
    workspaces: [{ workspace_id: 'w', name: 'W', role: 'admin' }],
    refresh_token: token.refresh_token,
  }
  console.log(withExtras, multi)
  return [
    new FileTokenStorage(),
    new FileTokenStorage('/path/to/credentials.json'),
    new MemoryTokenStorage(),
    new KeychainStorage(),
  ]
}

export const defaultManager = (): TokenManager => new TokenManager()
export const cancelled = (): AmigoError => new LoginCancelledError()
export const denied = (): AmigoError => new DeviceCodeDeniedError('Authorization request was denied.')
