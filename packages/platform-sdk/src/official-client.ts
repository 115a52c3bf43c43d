// Imported by the main entry for its effect: resources can then be built from an openapi-fetch
// client, as the single-package SDK built them (see resources/official-client-form.ts). Listed in
// package.json `sideEffects`, so that bundlers keep it wherever the main entry is imported.
import { installOfficialClientForm } from './resources/official-client-form'
import { officialClientContext } from './resources/official-client-transport'

installOfficialClientForm(officialClientContext)
