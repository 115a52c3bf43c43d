import type { MockCore, Registry } from '../http/types'
import { registerAgents } from './agents'
import { registerAnalytics } from './analytics'
import { registerCalls } from './calls'
import { registerConversations } from './conversations'
import { registerDataQueries } from './data-queries'
import { registerDevicePage } from './device-page'
import { registerEvents } from './events'
import { registerExternalIntegrations } from './external-integrations'
import { registerFunctions } from './functions'
import { registerIdentity } from './identity'
import { registerOperators } from './operators'
import { registerReviewQueue } from './review-queue'
import { registerServices } from './services'
import { registerSettings } from './settings'
import { registerSkills } from './skills'
import { registerSurfaces } from './surfaces'
import { registerTriggers } from './triggers'
import { registerWebhookDestinations } from './webhook-destinations'
import { registerWorkspaces } from './workspaces'
import { registerWorld } from './world'

/** Registers every hand-written handler; other operations answer with sampled responses. */
export function registerHandlers(reg: Registry, core: MockCore): void {
  registerIdentity(reg, core)
  registerDevicePage(reg, core)
  registerAgents(reg, core)
  registerSkills(reg, core)
  registerServices(reg, core)
  registerWorld(reg, core)
  registerCalls(reg, core)
  registerConversations(reg, core)
  registerAnalytics(reg, core)
  registerEvents(reg, core)
  registerTriggers(reg, core)
  registerReviewQueue(reg, core)
  registerOperators(reg, core)
  registerSurfaces(reg, core)
  registerExternalIntegrations(reg, core)
  registerDataQueries(reg, core)
  registerSettings(reg, core)
  registerWebhookDestinations(reg, core)
  registerFunctions(reg, core)
  registerWorkspaces(reg, core)
}
