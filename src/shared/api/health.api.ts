import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";

export const getHealth = defineEndpoint({
  method: "GET",
  path: "/api/health",
  summary: "Reports whether the server and its database are reachable",
  tag: "system",
  isPublic: true,
  response: z.object({
    status: z.enum(["ok", "degraded"]),
    database: z.object({ engine: z.enum(["pglite", "postgres"]), isReachable: z.boolean() }),
    version: z.string(),
  }),
});
