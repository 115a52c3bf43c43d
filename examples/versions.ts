// Prints the version of each installed @amigo-ai package: a quick check that the install works.
import { VERSION as sdk } from '@amigo-ai/platform-sdk'
import { VERSION as webhooks } from '@amigo-ai/webhooks'

console.log(`@amigo-ai/platform-sdk ${sdk}, @amigo-ai/webhooks ${webhooks}`)
