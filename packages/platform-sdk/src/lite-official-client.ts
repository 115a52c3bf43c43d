// Imported by the lite entry for its effect (listed in package.json `sideEffects`): a resource built
// from an openapi-fetch client is refused with an error naming the entry that takes one (see
// resources/official-client-form.ts), unless the main entry has installed its adapter.
import { ConfigurationError } from '@amigo-ai/core'
import { installOfficialClientForm } from './resources/official-client-form'

installOfficialClientForm(() => {
  throw new ConfigurationError(
    'an openapi-fetch client needs the main entry, @amigo-ai/platform-sdk (lite: createAmigo(config))',
  )
}, true)
