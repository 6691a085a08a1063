import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from "../../shared/endpoint.js";
import type { Db } from "../db/db.js";
import type { Actor, RequestOrigin } from "./actor.js";
import { AppError } from "./app-error.js";

/** What every service method receives: the database, who acts, and from where. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  origin: RequestOrigin;
}

/** The session resolved from the cookie, attached to each request by the session hook. */
export interface RequestSession {
  actor: Actor;
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
}

declare module "fastify" {
  interface FastifyRequest {
    session: RequestSession | null;
  }
}

type Parsed<E, K extends "params" | "query" | "body"> =
  E extends Endpoint<infer P, infer Q, infer B, z.ZodType>
    ? K extends "params"
      ? z.output<P>
      : K extends "query"
        ? z.output<Q>
        : z.output<B>
    : never;

/** A request whose params, query and body were validated against the endpoint's schemas. */
export interface RouteInput<E extends Endpoint> {
  params: Parsed<E, "params">;
  query: Parsed<E, "query">;
  body: Parsed<E, "body">;
  origin: RequestOrigin;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A signed-in request: `ctx` is what the service methods take. */
export interface AuthedRouteInput<E extends Endpoint> extends RouteInput<E> {
  ctx: ServiceContext;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  const agent = request.headers["user-agent"];
  return { ip: request.ip ?? null, userAgent: typeof agent === "string" ? agent.slice(0, 300) : null };
}

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      result.error.issues.map((issue) => ({
        path: [part, ...issue.path.map(String)].join("."),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

// Paths in shared contracts use ":name" segments, as Fastify does.
function parseInput<E extends Endpoint>(
  endpoint: E,
  request: FastifyRequest,
  reply: FastifyReply,
): RouteInput<E> {
  return {
    params: parsePart(endpoint.params, request.params, "params") as Parsed<E, "params">,
    query: parsePart(endpoint.query, request.query, "query") as Parsed<E, "query">,
    body: parsePart(endpoint.body, request.body, "body") as Parsed<E, "body">,
    origin: originOf(request),
    request,
    reply,
  };
}

/** Registers a public endpoint (no session needed). */
export function publicRoute<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: (input: RouteInput<E>) => Promise<z.input<E["response"]>>,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    handler: async (request, reply) =>
      endpoint.response.parse(await handler(parseInput(endpoint, request, reply))),
  });
}

/**
 * Registers an endpoint for signed-in users. A user who must change their password can reach
 * nothing else until they do (`allowPendingPasswordChange` marks the few endpoints they can).
 */
export function userRoute<E extends Endpoint>(
  app: FastifyInstance,
  db: Db,
  endpoint: E,
  handler: (input: AuthedRouteInput<E>) => Promise<z.input<E["response"]>>,
  options: { allowPendingPasswordChange?: boolean; bodyLimit?: number } = {},
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: async (request, reply) => {
      const session = request.session;
      if (!session) throw new AppError("UNAUTHENTICATED");
      if (session.actor.mustChangePassword && !options.allowPendingPasswordChange) {
        throw new AppError("PASSWORD_CHANGE_REQUIRED");
      }
      const input = parseInput(endpoint, request, reply);
      const ctx: ServiceContext = { db, actor: session.actor, origin: input.origin };
      return endpoint.response.parse(await handler({ ...input, ctx }));
    },
  });
}

/** A file to send: its name as the user's browser should save it, and its bytes. */
export interface FileReply {
  fileName: string;
  content: Buffer;
  /** Defaults to the endpoint's download type. */
  contentType?: string;
}

/** Registers an endpoint for signed-in users that answers with a file (see Endpoint.download). */
export function userFileRoute<E extends Endpoint>(
  app: FastifyInstance,
  db: Db,
  endpoint: E,
  handler: (input: AuthedRouteInput<E>) => Promise<FileReply>,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    handler: async (request, reply) => {
      const session = request.session;
      if (!session) throw new AppError("UNAUTHENTICATED");
      if (session.actor.mustChangePassword) throw new AppError("PASSWORD_CHANGE_REQUIRED");
      const input = parseInput(endpoint, request, reply);
      const ctx: ServiceContext = { db, actor: session.actor, origin: input.origin };
      const file = await handler({ ...input, ctx });
      const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
      return reply
        .type(file.contentType ?? endpoint.download ?? "application/octet-stream")
        .header(
          "content-disposition",
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header("cache-control", "no-store")
        .send(file.content);
    },
  });
}

export type { BodyOf, ParamsOf, QueryOf, ResponseOf };
