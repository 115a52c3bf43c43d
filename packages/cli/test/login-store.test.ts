// Where `amigo` keeps a profile's login: the AMIGO_CONFIG_DIR of the environment the command was given,
// meaning the same folder auth-node's default would make of it, and auth-node's default without one.
import { join, resolve } from 'node:path'
import { FileTokenStorage } from '@amigo-ai/auth-node'
import { describe, expect, it } from 'vitest'
import type { CommandContext } from '../src/context'
import { loginStore } from '../src/credentials/login-store'

const pathFor = (env: NodeJS.ProcessEnv, profile?: string) =>
  loginStore({ options: { profile }, term: { env } } as unknown as CommandContext).storage.path

describe('loginStore', () => {
  it("uses the command's AMIGO_CONFIG_DIR, resolved as auth-node resolves it", () => {
    expect(pathFor({ AMIGO_CONFIG_DIR: '/srv/amigo' })).toBe(join('/srv/amigo', 'credentials.json'))
    expect(pathFor({ AMIGO_CONFIG_DIR: '/srv/amigo' }, 'staging')).toBe(
      join('/srv/amigo', 'credentials-staging.json'),
    )
    expect(pathFor({ AMIGO_CONFIG_DIR: 'relative/dir' })).toBe(
      join(resolve('relative/dir'), 'credentials.json'),
    )
    // Blank is a folder name to auth-node's default too, not an error.
    expect(pathFor({ AMIGO_CONFIG_DIR: '   ' })).toBe(join(resolve('   '), 'credentials.json'))
  })

  it("without one (unset or empty) it is auth-node's default location", () => {
    const fallback = new FileTokenStorage().path
    expect(pathFor({})).toBe(fallback)
    expect(pathFor({ AMIGO_CONFIG_DIR: '' })).toBe(fallback)
    expect(pathFor({ AMIGO_CONFIG_DIR: '' }, 'staging')).toBe(
      new FileTokenStorage({ profile: 'staging' }).path,
    )
  })
})
