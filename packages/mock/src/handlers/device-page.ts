import type { MockCore, Registry } from '../http/types'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head>` +
  `<body style="font-family:system-ui;max-width:32rem;margin:4rem auto">${body}</body></html>`

/**
 * The verification page a device-code login opens in the browser (mock only, not in the spec):
 * `GET /device?user_code=…` shows the code with Approve / Deny buttons that post to `/device/approve`.
 */
export function registerDevicePage(reg: Registry, core: MockCore): void {
  reg.on('GET', '/device', (ctx) => {
    const code = typeof ctx.query.user_code === 'string' ? ctx.query.user_code : ''
    const html = page(
      'Amigo mock sign-in',
      `<h1>Sign in to the Amigo mock</h1><form method="post" action="/device/approve">` +
        `<label>Code <input name="user_code" value="${esc(code)}"></label> ` +
        `<button name="decision" value="approve">Approve</button> <button name="decision" value="deny">Deny</button></form>`,
    )
    return { status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' } }
  })
  reg.on('POST', '/device/approve', (ctx) => {
    const form = (ctx.body ?? {}) as Record<string, string>
    const code = String(form.user_code ?? '')
    try {
      if (form.decision === 'deny') core.auth.device.deny(code)
      else core.auth.device.approve(code, [core.store.workspaceId])
    } catch {
      return {
        status: 404,
        body: page('Unknown code', '<h1>Unknown code</h1>'),
        headers: { 'content-type': 'text/html; charset=utf-8' },
      }
    }
    const done = form.decision === 'deny' ? 'Denied' : 'Approved'
    return {
      status: 200,
      body: page(done, `<h1>${done}</h1><p>You can close this tab.</p>`),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    }
  })
}
