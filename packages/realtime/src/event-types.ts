// The event unions come from openapi.json (see src/generated/); this file names them for the package.
export type { ObserverEvent, TurnStreamEvent, WorkspaceEvent } from './temporary-event-types'
