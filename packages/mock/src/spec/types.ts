/** A JSON Schema object as it appears in the OpenAPI document (loosely typed on purpose). */
export type JsonSchema = Record<string, any>

/** One parameter of an operation. */
export interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: JsonSchema
}

/** One operation of the OpenAPI document. */
export interface OpenApiOperation {
  operationId?: string
  tags?: string[]
  parameters?: OpenApiParameter[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> }
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>
  security?: Array<Record<string, string[]>>
}

/** The parts of an OpenAPI 3.1 document the mock reads. */
export interface OpenApiDocument {
  openapi?: string
  paths: Record<string, Record<string, OpenApiOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
  security?: Array<Record<string, string[]>>
  [key: string]: unknown
}
