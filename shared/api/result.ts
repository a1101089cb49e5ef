/** Machine-readable reasons a request can fail; the renderer turns each into advice. */
export type ApiErrorCode =
  | 'invalid_argument'
  | 'unknown_request'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unsupported'
  | 'unavailable'
  | 'storage'
  | 'internal';

/** One field that failed validation; `message` is an i18n key (`validation.*`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Why a request failed, in words for a person (English) plus a code for the UI. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/** Every request resolves to this; handlers never throw across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside services for an expected failure; the dispatcher turns it into a Result. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed Result. */
export function fail(code: ApiErrorCode, message: string, issues?: FieldIssue[]): Result<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}
