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
  constructor(code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'INVALID_REFRESH_TOKEN' | 'WECHAT_LOGIN_FAILED' = 'UNAUTHENTICATED') {
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
