import { login } from "../../shared/api/session.api.js";
import type { BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from "../../shared/endpoint.js";
import { errorEnvelope } from "../../shared/errors.js";
import { ApiError } from "./ApiError.js";
import { apiContext } from "./apiContext.js";

export interface CallInput<E extends Endpoint> {
  params?: ParamsOf<E>;
  query?: QueryOf<E>;
  body?: BodyOf<E>;
}

/** Calls one endpoint of the contract and returns its response, parsed by the contract's schema. */
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
    response = await fetch(urlOf(endpoint.path, input.params, input.query), {
      method: endpoint.method,
      headers,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("NETWORK_ERROR", "", 0);
  }
  const payload = await readJson(response);

  if (!response.ok) {
    const envelope = errorEnvelope.safeParse(payload);
    if (!envelope.success) throw new ApiError("BAD_RESPONSE", "", response.status);
    const { code, message, details } = envelope.data.error;
    // The session calls themselves (sign in, read, sign out) report 401 to their caller; anywhere
    // else 401 means the session ended and the app returns to the login page.
    if (code === "UNAUTHENTICATED" && endpoint.path !== login.path) apiContext.onUnauthenticated();
    if (code === "PASSWORD_CHANGE_REQUIRED") apiContext.onPasswordChangeRequired();
    throw new ApiError(code, message, response.status, details);
  }

  const parsed = endpoint.response.safeParse(payload);
  if (!parsed.success) throw new ApiError("BAD_RESPONSE", "", response.status);
  return parsed.data as ResponseOf<E>;
}

function urlOf(path: string, params: unknown, query: unknown): string {
  const values = isRecord(params) ? params : {};
  const filledPath = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  if (isRecord(query)) {
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === "") continue;
      search.append(name, String(value));
    }
  }
  const queryText = search.toString();
  return queryText ? `${filledPath}?${queryText}` : filledPath;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
