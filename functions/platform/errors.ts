import { errorMessages, type ErrorCode } from '../../shared/errors';

/** An error the caller may see: a status, a stable code, and messages in Chinese and English. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly messageZh: string = errorMessages[code][0],
    readonly messageEn: string = errorMessages[code][1],
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${messageEn}`);
    this.name = new.target.name;
  }
  /** headers the answer carries besides the body (Retry-After of a 503) */
  get headers(): Record<string, string> | undefined {
    return undefined;
  }
}

export class ValidationError extends ApiError {
  constructor(
    readonly issues: { path: string; message: string }[],
    code: 'VALIDATION' | 'BAD_JSON' = 'VALIDATION',
  ) {
    super(400, code);
  }
}
export class UnauthenticatedError extends ApiError {
  constructor(code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'INVALID_REFRESH_TOKEN' | 'WECHAT_LOGIN_FAILED' = 'UNAUTHENTICATED') {
    super(401, code);
  }
}
export class ForbiddenError extends ApiError {
  constructor(code: ErrorCode = 'FORBIDDEN') {
    super(403, code);
  }
}
/** Also what a guessed id from another unit gets: the object is not there for this caller. */
export class NotFoundError extends ApiError {
  constructor(readonly entity: string, code: ErrorCode = 'NOT_FOUND') {
    super(404, code, undefined, undefined, { entity });
  }
}
export class ConflictError extends ApiError {
  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(409, code, undefined, undefined, details);
  }
}
export class UnprocessableError extends ApiError {
  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(422, code, undefined, undefined, details);
  }
}

/**
 * DynamoDB stayed busy through every retry: transactions on one item cancelled by others (TransactionConflict), or
 * throttling. Nothing was written; the same request a moment later will likely go through.
 */
export class BusyError extends ApiError {
  constructor(readonly retryAfterSeconds = 1) {
    super(503, 'BUSY_TRY_AGAIN');
  }
  override get headers(): Record<string, string> {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}

/** The codes that say the thing asked about is not there: they answer 404, as NotFoundError does. */
const notFoundCodes = new Set<ErrorCode>(['NOT_FOUND', 'RESOLUTION_NOT_FOUND', 'HOUSEHOLD_NOT_IN_REGISTRY', 'NOT_SIGNED_UP']);

/** The error a code means where nothing more is known: 404 for the not-found codes, 409 (a conflict) for the rest. */
export function errorOf(code: ErrorCode): ApiError {
  return new ApiError(notFoundCodes.has(code) ? 404 : 409, code);
}
