import { usageError } from '../errors/cli-error'
import type { Secrets } from '../io/secrets'

/** The `--secret` / AMIGO_WEBHOOK_SECRET value, remembered so it is never printed. */
export function requireSecret(secret: string | undefined, secrets: Secrets): string {
  if (!secret) throw usageError('a signing secret is needed', 'pass --secret or set AMIGO_WEBHOOK_SECRET')
  secrets.remember(secret)
  return secret
}
