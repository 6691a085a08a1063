import type { z } from "zod";
import type { fileResponse } from "../../shared/api/common.js";
import type { Endpoint, ParamsOf, QueryOf } from "../../shared/endpoint.js";
import { ApiError } from "./ApiError.js";
import { apiContext } from "./apiContext.js";
import { apiErrorOf } from "./apiErrorOf.js";
import { parseJson } from "./parseJson.js";
import { requestUrl } from "./requestUrl.js";

/** An endpoint that answers with a file (`Endpoint.download`, response `fileResponse`). */
export type FileEndpoint = Endpoint<z.ZodType, z.ZodType, z.ZodType, typeof fileResponse>;

export interface DownloadInput<E extends FileEndpoint> {
  params?: ParamsOf<E>;
  query?: QueryOf<E>;
}

/** A file the server sent: the name it gave, its media type and its bytes. */
export interface DownloadedFile {
  fileName: string;
  type: string;
  content: Uint8Array<ArrayBuffer>;
}

/** Fetches a file from an endpoint that answers with one (`Endpoint.download`); failures are ApiErrors. */
export async function downloadFile<E extends FileEndpoint>(
  endpoint: E,
  input: DownloadInput<E> = {},
): Promise<DownloadedFile> {
  if (!endpoint.download) throw new Error(`${endpoint.method} ${endpoint.path} does not send a file`);
  const headers: Record<string, string> = {
    Accept: `${endpoint.download}, application/json`,
    "Accept-Language": apiContext.language,
  };
  if (endpoint.method !== "GET" && apiContext.csrfToken) headers["X-CSRF-Token"] = apiContext.csrfToken;

  let response: Response;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    response = await fetch(requestUrl(endpoint.path, input.params, input.query), {
      method: endpoint.method,
      headers,
      credentials: "same-origin",
    });
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    throw new ApiError("NETWORK_ERROR", "", 0);
  }
  if (!response.ok) {
    throw apiErrorOf(endpoint, response.status, parseJson(new TextDecoder().decode(bytes)));
  }
  if (!endpoint.response.safeParse(bytes).success) throw new ApiError("BAD_RESPONSE", "", response.status);
  return {
    fileName: fileNameOf(response.headers.get("content-disposition")) ?? "download",
    type: response.headers.get("content-type") ?? endpoint.download,
    content: bytes,
  };
}

/** The file name of a Content-Disposition header: the UTF-8 form (RFC 5987) first, else the plain one. */
function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed encoding falls back to the plain name.
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1];
}
