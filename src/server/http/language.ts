import type { FastifyRequest } from "fastify";

export type Language = "zh" | "en";

/** The UI language of a request: English when the client asks for it first, else Chinese. */
export function languageOf(request: Pick<FastifyRequest, "headers">): Language {
  const header = request.headers["accept-language"];
  return typeof header === "string" && /^\s*en\b/i.test(header) ? "en" : "zh";
}
