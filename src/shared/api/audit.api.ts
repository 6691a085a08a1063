import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import { pageOf, pageQuery } from "./common.js";

export const auditEntry = z.object({
  chainCode: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  regionCode: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const listAuditEntries = defineEndpoint({
  method: "GET",
  path: "/api/audit",
  summary: "Audit entries within the caller's scope, newest first; filter by record, actor, action, time",
  tag: "audit",
  query: z.strictObject({
    entityType: z.string().trim().max(40).optional(),
    entityId: z.string().trim().max(80).optional(),
    actor: z.string().trim().max(40).optional(),
    action: z.string().trim().max(60).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    ...pageQuery,
  }),
  response: pageOf(auditEntry),
});
