import type { AmigoClient } from '@amigo-ai/platform-sdk'

declare const client: AmigoClient
// ---- example ----
const dashboard = await client.billing.getDashboard()
const usage = await client.billing.getUsage()
const { items: invoices } = await client.billing.listInvoices()
const pdf = await client.billing.getInvoicePdf('invoice-id')
