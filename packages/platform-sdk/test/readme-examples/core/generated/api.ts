// Stands in for the application's own openapi-typescript output that the core README imports
// (`./generated/api`): the platform's generated types, as published by the SDK.
export type { components, paths } from '@amigo-ai/platform-sdk'
