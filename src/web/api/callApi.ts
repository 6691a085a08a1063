import type { BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from "../../shared/endpoint.js";
import { ApiError } from "./ApiError.js";
import { apiContext } from "./apiContext.js";
import { apiErrorOf } from "./apiErrorOf.js";
import { parseJson } from "./parseJson.js";
import { requestUrl } from "./requestUrl.js";

export interface CallInput<E extends Endpoint> {
  params?: ParamsOf<E>;
  query?: QueryOf<E>;
  body?: BodyOf<E>;
}

/**
 * Calls one JSON endpoint of the contract and returns its response, parsed by the contract's schema.
 * Files go through uploadFile and downloadFile.
 */
export async function callApi<E extends Endpoint>(
  endpoint: E,
  input: CallInput<E> = {},
): Promise<ResponseOf<E>> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": apiContext.language,
  };
  if (input.body !== undefined) headers["Content-Type"] = "application/json";
  if (endpoint.method !== "GET" && apiContext.csrfToken) headers["X-CSRF-Token"] = apiContext.csrfToken;

  let response: Response;
  try {
    response = await fetch(requestUrl(endpoint.path, input.params, input.query), {
      method: endpoint.method,
      headers,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("NETWORK_ERROR", "", 0);
  }
  const payload = parseJson(await response.text());
  if (!response.ok) throw apiErrorOf(endpoint, response.status, payload);

  const parsed = endpoint.response.safeParse(payload);
  if (!parsed.success) throw new ApiError("BAD_RESPONSE", "", response.status);
  return parsed.data as ResponseOf<E>;
}
