import { ERRORS, type ErrorCode } from "../../shared/errors.js";

export interface ErrorDetail {
  path: string;
  message: string;
  /** A stable code for the problem (e.g. a registry check), so a client can word it in its language. */
  code?: string;
}

/** An expected failure with a stable code; the error handler maps it to HTTP in one place. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetail[],
  ) {
    super(ERRORS[code].en);
    this.name = "AppError";
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}
