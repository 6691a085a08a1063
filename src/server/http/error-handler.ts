import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ERRORS, type ErrorCode } from "../../shared/errors.js";
import { AppError, type ErrorDetail } from "./app-error.js";
import { languageOf } from "./language.js";

// Fastify's own errors for bodies it could not read, mapped onto our codes.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "MALFORMED_JSON",
};

/** Sends the one error envelope, with the message in the request's language. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: ErrorDetail[],
) {
  const definition = ERRORS[code];
  return reply.status(definition.status).send({
    error: { code, message: definition[languageOf(request)], ...(details ? { details } : {}) },
  });
}

/** Maps every thrown error to the envelope; unexpected ones are logged without request bodies. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error.code, error.details);
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped);
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return sendError(request, reply, "MALFORMED_JSON");
    }
    // A unique index caught what a service check raced with (two saves at once).
    if ((error as { code?: string }).code === "23505") return sendError(request, reply, "CONFLICT");
    if (error.statusCode === 413) return sendError(request, reply, "PAYLOAD_TOO_LARGE");
    if (error.statusCode === 415) return sendError(request, reply, "UNSUPPORTED_MEDIA_TYPE");
    // Only the message and stack: bodies may hold personal data and must never reach the log.
    request.log.error({ err: { message: error.message, stack: error.stack } }, "unhandled error");
    return sendError(request, reply, "INTERNAL");
  });
}
