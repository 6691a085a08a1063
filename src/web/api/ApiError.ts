import type { ErrorCode } from "../../shared/errors.js";

/** Codes the client adds for failures that never produced an API error envelope. */
export type ClientErrorCode = "NETWORK_ERROR" | "BAD_RESPONSE";

export interface ApiErrorDetail {
  path: string;
  message: string;
  /** The problem's stable code, when the server gives one (e.g. a registry check). */
  code?: string | undefined;
}

/** A failed API call: the server's error code and its message (already in the UI language). */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly details: ApiErrorDetail[];

  constructor(
    code: ErrorCode | ClientErrorCode,
    message: string,
    status: number,
    details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}
