// Shared by the consumer apps (copied next to them): each check prints one `RESULT {json}` line
// that the rehearsal reads back (the same convention as the runtime matrix's fixtures).
export async function report(check, fn) {
  try {
    console.log(`RESULT ${JSON.stringify({ check, ok: true, detail: await fn() })}`)
  } catch (err) {
    console.log(`RESULT ${JSON.stringify({ check, ok: false, detail: String(err?.stack ?? err) })}`)
  }
}

export function assert(cond, message) {
  if (!cond) throw new Error(message)
}
