import { z } from "zod";
import { allEndpoints } from "../../shared/api/index.js";
import type { Endpoint } from "../../shared/endpoint.js";
import { errorEnvelope } from "../../shared/errors.js";
import { APP_VERSION } from "../version.js";

type JsonSchema = Record<string, unknown>;

const BINARY = { type: "string", format: "binary" };

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function operationOf(endpoint: Endpoint) {
  const errorResponse = {
    description: "Error",
    content: { "application/json": { schema: schemaOf(errorEnvelope, "output") } },
  };
  return {
    summary: endpoint.summary,
    tags: [endpoint.tag],
    operationId: `${endpoint.method.toLowerCase()}${endpoint.path.replace(/[/:]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    ...(endpoint.isPublic ? { security: [] } : {}),
    parameters: [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query")],
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: schemaOf(endpoint.body, "input") } },
          },
        }
      : {}),
    ...(endpoint.upload
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              endpoint.upload.map((type) => [
                type,
                // A form carries its files in file fields (any name); a raw upload is the file itself.
                {
                  schema:
                    type === "multipart/form-data"
                      ? { type: "object", additionalProperties: BINARY }
                      : BINARY,
                },
              ]),
            ),
          },
        }
      : {}),
    responses: {
      "200": {
        description: "OK",
        content: endpoint.download
          ? { [endpoint.download]: { schema: BINARY } }
          : { "application/json": { schema: schemaOf(endpoint.response, "output") } },
      },
      "4XX": errorResponse,
      "5XX": errorResponse,
    },
  };
}

/** The OpenAPI 3.1 document of the whole API, generated from the shared zod contracts. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of allEndpoints) {
    const path = endpoint.path.replace(/:(\w+)/g, "{$1}");
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operationOf(endpoint) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Bangfu (帮扶) API",
      version: APP_VERSION,
      description:
        "Cookie-session API. Writes need the X-CSRF-Token header from GET /api/session. Errors use one envelope.",
    },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "bangfu_session" } },
    },
    security: [{ session: [] }],
    paths,
  };
}
