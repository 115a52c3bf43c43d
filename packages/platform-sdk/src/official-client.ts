// The main entry's answer to a resource built from an openapi-fetch client (see
// resources/official-client-form.ts): the adapter, installed by each resource class the main entry
// exports (resources/official-form.js) rather than by importing the entry, so that a bundle which
// only uses `AmigoClient` leaves the adapter out.
import { installOfficialClientForm } from './resources/official-client-form'
import { officialClientContext } from './resources/official-client-transport'

/** Installs the openapi-fetch adapter and returns `resource` unchanged. */
export function withOfficialForm<T>(resource: T): T {
  installOfficialClientForm(officialClientContext)
  return resource
}
