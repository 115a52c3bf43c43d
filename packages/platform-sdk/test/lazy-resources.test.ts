// Resources are built on first access and then reused, so creating a client (or a withOptions view)
// builds none of them, whatever the registry holds. They stay discoverable: `for...in` and `in` see
// every resource, and `console.log(client)` lists them (without the key); they are not own
// properties, so `Object.keys(client)` and JSON show none.
import { inspect } from 'node:util'
import { AmigoClient } from '@amigo-ai/platform-sdk'
import { createAmigo } from '@amigo-ai/platform-sdk/lite'
import { describe, expect, it } from 'vitest'
import { createResources } from '../src/resources/registry'

const config = { apiKey: 'amg_lazy_secret_key', workspaceId: 'ws-lazy' }
const built = (client: AmigoClient) => Object.keys((client as unknown as { _resources: object })._resources)

// The resource names, as the registry lists them (one property each on the client).
const NAMES = Object.keys(createResources(createAmigo(config)))

describe('lazy resources', () => {
  it('a new client and a withOptions view build no resource, and own the same few properties', () => {
    const client = new AmigoClient(config)
    const scoped = client.withOptions({ timeout: 1000 })
    for (const c of [client, scoped]) {
      expect(built(c)).toEqual([])
      const own = Object.getOwnPropertyNames(c)
      expect(own.filter((name) => NAMES.includes(name))).toEqual([])
      expect(own.length).toBeLessThanOrEqual(12)
    }
    expect(Object.getOwnPropertyNames(scoped).sort()).toEqual(Object.getOwnPropertyNames(client).sort())
  })

  it('a resource is built on first access, then the same object every time; views get their own', () => {
    const client = new AmigoClient(config)
    const agents = client.agents
    expect(client.agents).toBe(agents)
    expect(built(client)).toEqual(['agents'])
    const scoped = client.withOptions({ timeout: 1000 })
    expect(scoped.agents).not.toBe(agents)
    expect(scoped.agents).toBe(scoped.agents)
    expect(scoped.agents.constructor).toBe(agents.constructor)
  })

  it('sub-resources are built on first access and reused too, per parent', () => {
    const client = new AmigoClient(config)
    expect(client.crm.contacts).toBe(client.crm.contacts)
    expect(client.settings.voice).toBe(client.settings.voice)
    expect(client.simulations.runs).toBe(client.simulations.runs)
    expect(client.fhir.resources).toBe(client.fhir.resources)
    const scopedCrm = client.crm.withOptions({ timeout: 1000 })
    expect(scopedCrm.contacts).not.toBe(client.crm.contacts)
    expect(scopedCrm.contacts.constructor).toBe(client.crm.contacts.constructor)
  })

  it('for...in and `in` see every resource; Object.keys and JSON see none', () => {
    const client = new AmigoClient(config)
    const seen: string[] = []
    for (const name in client) seen.push(name)
    expect(seen).toEqual(NAMES)
    expect(NAMES.length).toBeGreaterThanOrEqual(50)
    expect('agents' in client && 'settings' in client).toBe(true)
    expect(Object.keys(client)).toEqual([])
    expect(JSON.stringify(client)).toBe('{}')
    // Enumerating built nothing.
    expect(built(client)).toEqual([])
  })

  it('console.log shows where the client points and its resources, never the key', () => {
    const client = new AmigoClient(config)
    void client.agents
    const text = inspect(client, { depth: 5 })
    expect(text).toContain('AmigoClient')
    expect(text).toContain("workspaceId: 'ws-lazy'")
    expect(text).toContain("baseUrl: 'https://api.platform.amigo.ai'")
    expect(text).toContain("'webhookDestinations'")
    expect(text).not.toContain(config.apiKey)
    expect(inspect(client.withOptions({ timeout: 5 }))).not.toContain(config.apiKey)
  })
})
