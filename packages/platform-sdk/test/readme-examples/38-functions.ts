import type { AmigoClient } from '@amigo-ai/platform-sdk'

declare const client: AmigoClient
// ---- example ----
const { items: functions } = await client.functions.list()
const fn = await client.functions.get('my-function')
const result = await client.functions.test('my-function', { input: { query: 'test' } })
