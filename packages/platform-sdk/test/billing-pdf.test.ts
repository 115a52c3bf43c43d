// billing.getInvoicePdf against a loopback server: the API's JSON download link comes back parsed;
// a server that streams the document itself yields bytes. Both keep the response metadata.
import { AmigoClient, ParseError } from '@amigo-ai/platform-sdk'
import { sendJson, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const PDF = Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1')
let server: TestServer
let client: AmigoClient

beforeAll(async () => {
  server = await startTestServer({
    'GET /v1/ws-1/billing/invoices/inv-link/pdf': (_req, res) =>
      sendJson(
        res,
        200,
        { url: 'https://files.example/inv.pdf', expires_in: 3600 },
        { 'x-request-id': 'r-link' },
      ),
    'GET /v1/ws-1/billing/invoices/inv-bytes/pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'x-request-id': 'r-bytes' })
      res.end(PDF)
    },
    'GET /v1/ws-1/billing/invoices/inv-broken/pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"url": ')
    },
  })
  client = new AmigoClient({ apiKey: 'k', workspaceId: 'ws-1', baseUrl: server.url, maxRetries: 0 })
})
afterAll(() => server.close())

describe('billing.getInvoicePdf', () => {
  it('returns the JSON download link parsed, with metadata', async () => {
    const link = await client.billing.getInvoicePdf('inv-link')
    expect(link).toEqual({ url: 'https://files.example/inv.pdf', expires_in: 3600 })
    expect(link._request_id).toBe('r-link')
    expect(server.requests.at(-1)?.headers.accept).toContain('application/json')
  })

  it('returns the bytes when the server streams the PDF', async () => {
    const pdf = await client.billing.getInvoicePdf('inv-bytes')
    expect(pdf).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(pdf as Uint8Array).equals(PDF)).toBe(true)
    expect(pdf._request_id).toBe('r-bytes')
  })

  it('reports a JSON answer that cannot be parsed as a ParseError', async () => {
    await expect(client.billing.getInvoicePdf('inv-broken')).rejects.toBeInstanceOf(ParseError)
  })
})
