import { usageError } from '../errors/cli-error'
import { rememberSecret } from '../io/secrets'

/** The `--secret` / AMIGO_WEBHOOK_SECRET value, remembered so it is never printed. */
export function requireSecret(secret: string | undefined): string {
  if (!secret) throw usageError('a signing secret is needed', 'pass --secret or set AMIGO_WEBHOOK_SECRET')
  rememberSecret(secret)
  return secret
}
