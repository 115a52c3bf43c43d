import type { HandlerContext, MockCore, Registry, Reply } from '../http/types'
import { bodyKind } from '../spec/body-kind'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head>` +
  `<body style="font-family:system-ui;max-width:32rem;margin:4rem auto">${body}</body></html>`

const html = (status: number, title: string, body: string): Reply => ({
  status,
  body: page(title, body),
  headers: { 'content-type': 'text/html; charset=utf-8' },
})

const FORM = 'application/x-www-form-urlencoded'

/** The code and decision the Approve / Deny form posts, or what is wrong with the request. */
function readDecision(ctx: HandlerContext): { code: string; deny: boolean } | { problem: string } {
  if (bodyKind(ctx.headers['content-type']) !== 'form')
    return { problem: `The form must be sent as ${FORM}, with user_code and decision fields.` }
  // An empty form arrives as no body at all.
  const form = (ctx.body ?? {}) as Record<string, unknown>
  const code = typeof form.user_code === 'string' ? form.user_code : ''
  if (!code) return { problem: 'Missing form field: user_code.' }
  if (form.decision !== 'approve' && form.decision !== 'deny')
    return { problem: 'The form field decision must be approve or deny.' }
  return { code, deny: form.decision === 'deny' }
}

/**
 * The verification page a device-code login opens in the browser (mock only, not in the spec):
 * `GET /device?user_code=…` shows the code with Approve / Deny buttons that post to `/device/approve`.
 */
export function registerDevicePage(reg: Registry, core: MockCore): void {
  reg.on('GET', '/device', (ctx) => {
    const code = typeof ctx.query.user_code === 'string' ? ctx.query.user_code : ''
    return html(
      200,
      'Amigo mock sign-in',
      `<h1>Sign in to the Amigo mock</h1><form method="post" action="/device/approve">` +
        `<label>Code <input name="user_code" value="${esc(code)}"></label> ` +
        `<button name="decision" value="approve">Approve</button> <button name="decision" value="deny">Deny</button></form>`,
    )
  })
  reg.on('POST', '/device/approve', (ctx) => {
    const decision = readDecision(ctx)
    if ('problem' in decision)
      return html(400, 'Bad request', `<h1>Bad request</h1><p>${esc(decision.problem)}</p>`)
    try {
      if (decision.deny) core.auth.device.deny(decision.code)
      else core.auth.device.approve(decision.code, [core.store.workspaceId])
    } catch {
      return html(404, 'Unknown code', '<h1>Unknown code</h1>')
    }
    const done = decision.deny ? 'Denied' : 'Approved'
    return html(200, done, `<h1>${done}</h1><p>You can close this tab.</p>`)
  })
}
