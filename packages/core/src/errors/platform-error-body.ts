import type { AmigoError } from './amigo-error'
import type { ValidationIssue } from './http-errors'

/** An error body of the API's usual shape: FastAPI's `{ detail }`, maybe with a code and request id. */
export interface HttpExceptionBody {
  /** A message, or a structured description of the problem. */
  detail: string | Record<string, unknown> | unknown[]
  /** Request id, when the body carries one. */
  request_id?: string
  /** Machine-readable code, when the body carries one. */
  error_code?: string
}

/** The body of a 422: FastAPI's list of validation issues. */
export type HttpValidationErrorBody = {
  /** One entry per invalid field. */
  detail?: ValidationIssue[]
}

/** Stands in for an error body that was not JSON: `raw_body` is its text. */
export interface UnparseableErrorBody {
  /** A readable summary (the status text, or the start of the body). */
  detail: string
  /** The body as received. */
  raw_body: string
}

/** Every shape `errorBody` takes. */
export type PlatformErrorBody = HttpExceptionBody | HttpValidationErrorBody | UnparseableErrorBody

/** An error known to carry an `errorBody` of the given shape. */
export type AmigoErrorWithBody<TBody> = AmigoError<TBody> & { readonly errorBody: TBody }
