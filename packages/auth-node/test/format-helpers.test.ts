import { isConfigurationError } from '@amigo-ai/core'
import { describe, expect, it } from 'vitest'
import {
  type DeviceCodeIssuance,
  formatDeviceCodeInstructions,
  formatDeviceCodeLink,
  formatWorkspaceList,
} from '../src/index'

const issuance: DeviceCodeIssuance = {
  device_code: 'secret-device-code',
  user_code: 'ABCD-EFGH',
  verification_uri: 'https://login.example/device',
  verification_uri_complete: 'https://login.example/device?user_code=ABCD-EFGH',
  expires_in: 900,
  interval: 5,
}

const thrown = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return e as Error
  }
  throw new Error('did not throw')
}

describe('formatWorkspaceList', () => {
  it('numbers the workspaces as "n. Name (role)" with each id in an aligned column', () => {
    const text = formatWorkspaceList([
      { workspace_id: 'ws-1', name: 'Org One', role: 'admin' },
      { workspace_id: 'ws-2', name: 'Org Two' },
      { workspace_id: 'ws-3', role: 'viewer' },
    ])
    expect(text.split('\n')).toEqual([
      'Workspaces you can sign in to:',
      '  1. Org One (admin)   ws-1',
      '  2. Org Two           ws-2',
      '  3. ws-3 (viewer)',
    ])
  })

  it('falls back to the id when a workspace has no name, and says when there is none', () => {
    expect(formatWorkspaceList([{ workspace_id: 'ws-no-name' }])).toContain('  1. ws-no-name')
    expect(formatWorkspaceList([])).toBe('No workspaces to choose from.')
  })

  it('strips terminal control characters from server-provided names', () => {
    const text = formatWorkspaceList([{ workspace_id: 'ws-1', name: 'Evil\u001b[2J\u0007Org' }])
    expect(text).toContain('1. Evil[2JOrg')
    expect(text).not.toContain('\u001b')
    expect(text).not.toContain('\u0007')
  })

  it('names what is wrong with a bad argument', () => {
    for (const bad of [undefined, 'ws-1', [{ name: 'x' }], [null]]) {
      const error = thrown(() => formatWorkspaceList(bad as never))
      expect(isConfigurationError(error)).toBe(true)
      expect(error.message).toMatch(/needs the list passed to onWorkspaceRequired/)
    }
  })
})

describe('formatDeviceCodeLink', () => {
  it('is an OSC 8 hyperlink to verification_uri_complete, showing the URL by default', () => {
    const url = issuance.verification_uri_complete
    expect(formatDeviceCodeLink(issuance)).toBe(`\u001b]8;;${url}\u0007${url}\u001b]8;;\u0007`)
    expect(formatDeviceCodeLink(issuance, 'Open the sign-in page')).toBe(
      `\u001b]8;;${url}\u0007Open the sign-in page\u001b]8;;\u0007`,
    )
  })

  it('keeps control characters in the URL from ending the escape sequence early', () => {
    const link = formatDeviceCodeLink({
      ...issuance,
      verification_uri_complete: 'https://x/\u0007\u001b]8;;evil',
    })
    expect(link).toBe('\u001b]8;;https://x/]8;;evil\u0007https://x/]8;;evil\u001b]8;;\u0007')
  })

  it('names what is wrong with a bad argument', () => {
    for (const bad of [undefined, {}, { verification_uri_complete: 5 }]) {
      const error = thrown(() => formatDeviceCodeLink(bad as never))
      expect(isConfigurationError(error)).toBe(true)
      expect(error.message).toMatch(/verification_uri_complete/)
    }
    expect(thrown(() => formatDeviceCodeLink(issuance, 5 as never)).message).toMatch(/text must be a string/)
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'vscode://x', '//x/y'])(
    'a %s target is shown as plain text, never made clickable',
    (target) => {
      for (const text of [undefined, 'Open the sign-in page']) {
        const link = formatDeviceCodeLink({ ...issuance, verification_uri_complete: target }, text)
        expect(link).toBe(target)
        expect(link).not.toContain('\u001b')
      }
    },
  )

  it('an http(s) target in any case is a link', () => {
    const target = 'HTTPS://id.example.test/device?code=AB'
    expect(formatDeviceCodeLink({ ...issuance, verification_uri_complete: target })).toBe(
      `\u001b]8;;${target}\u0007${target}\u001b]8;;\u0007`,
    )
  })
})

describe('formatDeviceCodeInstructions', () => {
  it('states the expiry in minutes', () => {
    expect(formatDeviceCodeInstructions(issuance)).toContain('15 minutes')
    expect(formatDeviceCodeInstructions({ ...issuance, expires_in: 600 })).toContain('10 minutes')
  })

  it('strips terminal control characters from what the server sent', () => {
    const text = formatDeviceCodeInstructions({ ...issuance, user_code: 'AB\u001b[2KCD' })
    expect(text).toContain('  AB[2KCD')
    expect(text).not.toContain('\u001b')
  })

  it('strips bidirectional controls, which would show the page or code in another order', () => {
    const bidi = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']
    const text = formatDeviceCodeInstructions({
      ...issuance,
      verification_uri: 'https://id.example/\u202eexe.nigol',
      verification_uri_complete: 'https://id.example/\u2067device\u2069',
      user_code: `AB${bidi.join('')}CD`,
    })
    expect(text).toContain('https://id.example/exe.nigol')
    expect(text).toContain('  ABCD')
    for (const ch of bidi) expect(text).not.toContain(ch)
  })
})
